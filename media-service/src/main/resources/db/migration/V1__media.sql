CREATE TABLE media_asset (
    id         uuid PRIMARY KEY,
    version    bigint       NOT NULL,
    revision   integer      NOT NULL,
    caption    text,
    credit     varchar(500),
    byline     varchar(500),
    alt_text   text,
    width      integer      NOT NULL,
    height     integer      NOT NULL,
    mime_type  varchar(40)  NOT NULL,
    bytes      bigint       NOT NULL,
    file_name  varchar(300),
    created_by varchar(120) NOT NULL,
    created_at timestamptz  NOT NULL,
    updated_at timestamptz  NOT NULL,
    deleted_at timestamptz
);

CREATE TABLE media_rendition (
    asset_id  uuid        NOT NULL REFERENCES media_asset (id) ON DELETE CASCADE,
    name      varchar(40) NOT NULL,
    width     integer     NOT NULL,
    height    integer     NOT NULL,
    mime_type varchar(40) NOT NULL,
    bytes     bigint      NOT NULL,
    sha256    varchar(64) NOT NULL,
    PRIMARY KEY (asset_id, name)
);
