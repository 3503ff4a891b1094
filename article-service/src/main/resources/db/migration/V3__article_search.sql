-- Full-text search of the story list: headline, summary and body text, each in the article's own language.
--
-- The text search configuration is kept per row as its name (text, not regconfig: pg_upgrade refuses tables with
-- regconfig columns), and searches build one query per configuration, so that each article is matched with the
-- stemming of its own language. Both columns are generated, so no code path can forget to update them, and adding
-- them fills every existing row.

-- The PostgreSQL configuration for a BCP 47 tag: its primary language subtag, or 'simple' (no stemming, no stop
-- words) for languages PostgreSQL has no stemmer for. Only configurations built into PostgreSQL 14 and newer.
CREATE FUNCTION ${flyway:defaultSchema}.text_search_config(language text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$
SELECT CASE lower(split_part(language, '-', 1))
    WHEN 'ar' THEN 'arabic'     WHEN 'hy' THEN 'armenian'   WHEN 'eu' THEN 'basque'
    WHEN 'ca' THEN 'catalan'    WHEN 'da' THEN 'danish'     WHEN 'nl' THEN 'dutch'
    WHEN 'en' THEN 'english'    WHEN 'fi' THEN 'finnish'    WHEN 'fr' THEN 'french'
    WHEN 'de' THEN 'german'     WHEN 'el' THEN 'greek'      WHEN 'hi' THEN 'hindi'
    WHEN 'hu' THEN 'hungarian'  WHEN 'id' THEN 'indonesian' WHEN 'ga' THEN 'irish'
    WHEN 'it' THEN 'italian'    WHEN 'lt' THEN 'lithuanian' WHEN 'ne' THEN 'nepali'
    WHEN 'no' THEN 'norwegian'  WHEN 'nb' THEN 'norwegian'  WHEN 'nn' THEN 'norwegian'
    WHEN 'pt' THEN 'portuguese' WHEN 'ro' THEN 'romanian'   WHEN 'ru' THEN 'russian'
    WHEN 'sr' THEN 'serbian'    WHEN 'es' THEN 'spanish'    WHEN 'sv' THEN 'swedish'
    WHEN 'ta' THEN 'tamil'      WHEN 'tr' THEN 'turkish'    WHEN 'yi' THEN 'yiddish'
    ELSE 'simple'
END
$$;

-- Every configuration text_search_config can answer: a search builds its query in each of them.
CREATE FUNCTION ${flyway:defaultSchema}.text_search_configs() RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT ARRAY['arabic', 'armenian', 'basque', 'catalan', 'danish', 'dutch', 'english', 'finnish', 'french', 'german',
             'greek', 'hindi', 'hungarian', 'indonesian', 'irish', 'italian', 'lithuanian', 'nepali', 'norwegian',
             'portuguese', 'romanian', 'russian', 'serbian', 'spanish', 'swedish', 'tamil', 'turkish', 'yiddish',
             'simple']
$$;

-- The words of a sanitized body: tags (and so attribute values such as link addresses) and character references are
-- not words. Only the first 200,000 characters count: a tsvector holds at most 1 MB, which a 1 MB body of distinct
-- words could exceed, and no story's words lie beyond that.
CREATE FUNCTION ${flyway:defaultSchema}.body_text(body text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT left(regexp_replace(regexp_replace(coalesce(body, ''), '<[^>]*>', ' ', 'g'),
                           '&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);', ' ', 'g'), 200000)
$$;

-- Weights rank a match in the headline (A) above one in the summary (B) above one in the body (C). PL/pgSQL, not
-- SQL: the text-to-regconfig cast is only stable, and a SQL function would be inlined into the generated column's
-- expression and refused there; the configurations it names are built in and do not change.
CREATE FUNCTION ${flyway:defaultSchema}.search_document(language text, headline text, summary text, body text)
    RETURNS tsvector LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
    config regconfig := coalesce(${flyway:defaultSchema}.text_search_config(language), 'simple')::regconfig;
BEGIN
    RETURN setweight(to_tsvector(config, coalesce(headline, '')), 'A')
        || setweight(to_tsvector(config, coalesce(summary, '')), 'B')
        || setweight(to_tsvector(config, ${flyway:defaultSchema}.body_text(body)), 'C');
END
$$;

-- The author filter matches a name whole, ignoring case.
CREATE FUNCTION ${flyway:defaultSchema}.author_names(authors jsonb) RETURNS text[]
    LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
SELECT coalesce(array_agg(lower(author ->> 'name')), '{}')
FROM jsonb_array_elements(CASE WHEN jsonb_typeof(authors) = 'array' THEN authors ELSE '[]' END) AS author
$$;

ALTER TABLE article
    ADD COLUMN search_config text NOT NULL
        GENERATED ALWAYS AS (coalesce(${flyway:defaultSchema}.text_search_config(language), 'simple')) STORED,
    ADD COLUMN search_vector tsvector NOT NULL
        GENERATED ALWAYS AS (${flyway:defaultSchema}.search_document(language, headline, summary, body)) STORED;

CREATE INDEX article_search ON article USING gin (search_vector);
CREATE INDEX article_authors ON article USING gin (${flyway:defaultSchema}.author_names(authors));

-- The list's order is the newest save first, ties broken by id, so that pages never overlap: each index gives that
-- order as it is, and the first page of 100,000 stories reads 20 index entries.
DROP INDEX article_status_updated;
DROP INDEX article_section_updated;
CREATE INDEX article_updated ON article (updated_at DESC, id DESC);
CREATE INDEX article_status_updated ON article (status, updated_at DESC, id DESC);
CREATE INDEX article_section_updated ON article (section, updated_at DESC, id DESC);
