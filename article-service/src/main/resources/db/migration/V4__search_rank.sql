-- Ranking a search reads the rank of every match before the first page can be answered: 21,000 matches of a common
-- word out of 100,000 stories. Ranked with the full search_vector (3.3 KB for a 250-word body, stored out of line),
-- that read 70 MB and took 190-230 ms of CPU (bench/story-list.sh). So the rank comes from a small vector of the
-- headline (weight A) and summary (B) kept inside the row (storage MAIN), and the row itself is kept small (the body
-- and the full vector out of line, toast_tuple_target), so that thousands of matches are read from few pages. A
-- match in the body only ranks below every headline or summary match, the newest first.
CREATE FUNCTION ${flyway:defaultSchema}.rank_document(language text, headline text, summary text)
    RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    config regconfig := coalesce(${flyway:defaultSchema}.text_search_config(language), 'simple')::regconfig;
BEGIN
    RETURN setweight(to_tsvector(config, coalesce(headline, '')), 'A')
        || setweight(to_tsvector(config, coalesce(summary, '')), 'B');
END
$$;

-- One statement, so that the table is rewritten once, with the new storage settings applied to every existing row.
ALTER TABLE article
    SET (toast_tuple_target = 512),
    ADD COLUMN rank_vector tsvector NOT NULL
        GENERATED ALWAYS AS (${flyway:defaultSchema}.rank_document(language, headline, summary)) STORED,
    ALTER COLUMN rank_vector SET STORAGE MAIN;
