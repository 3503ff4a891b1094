-- Which assets each article uses, replicated from newsroom.articles: an asset used by a live or scheduled
-- article may be changed or deleted only by an editor.
CREATE TABLE article_use (
    article_id uuid    PRIMARY KEY,
    revision   bigint  NOT NULL,
    live       boolean NOT NULL,
    media_ids  uuid[]  NOT NULL
);

CREATE INDEX article_use_live_media ON article_use USING gin (media_ids) WHERE live;
