-- An index on visible_from tempted the planner, whenever statistics lagged behind a fast-growing table (a rebuild,
-- a bulk import), into reading every visible row and sorting them instead of walking the newest-first index: 0.5 s
-- instead of 0.5 ms for a feed page. Only articles held back by an embargo or a schedule need finding by time, so
-- they alone carry held_until, with a small index of its own.
DROP INDEX feed_article_visible_from;
ALTER TABLE feed_article ADD COLUMN held_until timestamptz;
UPDATE feed_article SET held_until = visible_from WHERE status = 'PUBLISHED' AND visible_from > now();
CREATE INDEX feed_article_held ON feed_article (held_until) WHERE held_until IS NOT NULL;
