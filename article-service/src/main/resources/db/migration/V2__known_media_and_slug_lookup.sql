-- The media assets article-service has heard of on newsroom.media: its replica for checking lead images.
CREATE TABLE known_media (
    id         uuid        PRIMARY KEY,
    revision   bigint      NOT NULL,
    deleted    boolean     NOT NULL,
    updated_at timestamptz NOT NULL
);

-- Slug allocation looks up "base" and "base-N" with LIKE 'base-%': a prefix scan needs pattern ops
-- whatever the database collation is.
CREATE INDEX article_slug_prefix ON article (slug varchar_pattern_ops);
