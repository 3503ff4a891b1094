CREATE TABLE article (
    id                 uuid PRIMARY KEY,
    version            bigint       NOT NULL,
    slug               varchar(120) NOT NULL UNIQUE,
    status             varchar(16)  NOT NULL,
    headline           varchar(300) NOT NULL,
    summary            text,
    body               text,
    section            varchar(80)  NOT NULL,
    tags               jsonb        NOT NULL DEFAULT '[]',
    authors            jsonb        NOT NULL DEFAULT '[]',
    language           varchar(35)  NOT NULL,
    lead_image         jsonb,
    related            jsonb        NOT NULL DEFAULT '[]',
    correction         text,
    unpublish_reason   text,
    revision           integer      NOT NULL,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    published_at       timestamptz,
    first_published_at timestamptz,
    scheduled_at       timestamptz,
    embargo_until      timestamptz,
    created_by         varchar(120) NOT NULL,
    updated_by         varchar(120) NOT NULL
);
CREATE INDEX article_status_updated ON article (status, updated_at DESC);
CREATE INDEX article_section_updated ON article (section, updated_at DESC);
CREATE INDEX article_scheduled ON article (scheduled_at) WHERE status = 'SCHEDULED';

CREATE TABLE article_revision (
    article_id uuid        NOT NULL REFERENCES article (id) ON DELETE CASCADE,
    revision   integer     NOT NULL,
    saved_by   varchar(120) NOT NULL,
    saved_at   timestamptz NOT NULL,
    action     varchar(32) NOT NULL,
    content    jsonb       NOT NULL,
    PRIMARY KEY (article_id, revision)
);
