-- The picture desk's "recent uploads": live assets newest first, for everyone or for one uploader.
CREATE INDEX media_asset_recent ON media_asset (created_at DESC, id DESC) WHERE deleted_at IS NULL;
CREATE INDEX media_asset_recent_by_uploader ON media_asset (created_by, created_at DESC, id DESC)
    WHERE deleted_at IS NULL;
