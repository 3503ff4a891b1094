-- Rebuild generations: every row records which rebuild last wrote it, so a rebuild can overwrite rows it has not
-- seen yet whatever their revision, and sweep away rows no event in the topics accounts for.
ALTER TABLE feed_article ADD COLUMN generation bigint NOT NULL DEFAULT 0;
ALTER TABLE feed_media ADD COLUMN generation bigint NOT NULL DEFAULT 0;

-- The topics do not bound slug or section length; a long one must not turn a good event into a dead letter.
ALTER TABLE feed_article ALTER COLUMN slug TYPE text, ALTER COLUMN section TYPE text, ALTER COLUMN status TYPE text;

-- One row of shared state for every replica: the current rebuild generation, and how far the embargo clock has
-- looked for articles whose time came (so one replica, not each, tells the WebSub hub).
CREATE TABLE feed_state (
    id                  int         PRIMARY KEY CHECK (id = 1),
    generation          bigint      NOT NULL,
    clock_checked_until timestamptz NOT NULL
);
INSERT INTO feed_state (id, generation, clock_checked_until) VALUES (1, 0, now());

-- Rebuilds an operator started, for status and to allow one at a time across replicas.
CREATE TABLE feed_rebuild (
    generation   bigint      PRIMARY KEY,
    status       varchar(16) NOT NULL,
    started_at   timestamptz NOT NULL,
    heartbeat_at timestamptz NOT NULL,
    finished_at  timestamptz,
    events       bigint      NOT NULL DEFAULT 0,
    skipped      bigint      NOT NULL DEFAULT 0,
    error        text
);

-- The feeds ask for the next embargo to end on every render; without this it would scan every published row.
CREATE INDEX feed_article_visible_from ON feed_article (visible_from) WHERE status = 'PUBLISHED';
