-- The read model: the latest revision of every article and asset the topics carried.
CREATE TABLE feed_article (
    id                 uuid PRIMARY KEY,
    revision           bigint       NOT NULL,
    slug               varchar(120) NOT NULL,
    status             varchar(16)  NOT NULL,
    section            varchar(80)  NOT NULL,
    tags               text[]       NOT NULL DEFAULT '{}',
    lead_media_id      uuid,
    visible_from       timestamptz,
    published_at       timestamptz,
    updated_at         timestamptz  NOT NULL,
    removed_at         timestamptz,
    snapshot           jsonb        NOT NULL
);
CREATE INDEX feed_article_visible ON feed_article (published_at DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX feed_article_section ON feed_article (section, published_at DESC, id DESC) WHERE status = 'PUBLISHED';
CREATE INDEX feed_article_tags ON feed_article USING gin (tags);
CREATE INDEX feed_article_slug ON feed_article (slug);
CREATE INDEX feed_article_media ON feed_article (lead_media_id);
CREATE INDEX feed_article_removed ON feed_article (removed_at DESC) WHERE status = 'UNPUBLISHED';

CREATE TABLE feed_media (
    id       uuid PRIMARY KEY,
    revision bigint  NOT NULL,
    deleted  boolean NOT NULL,
    snapshot jsonb   NOT NULL
);
