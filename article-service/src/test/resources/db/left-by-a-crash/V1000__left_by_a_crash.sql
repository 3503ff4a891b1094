-- The database as a process leaves it that died right after two commits (CrashAfterCommitTest shows a real process
-- leaving this state): a publication whose event it never sent, and a schedule that fell due while nothing ran.
-- Applied by Flyway before the service starts, in RestartAfterCrashTest's profile only.
INSERT INTO article (id, version, slug, status, headline, section, language, revision, created_at, updated_at,
                     published_at, first_published_at, created_by, updated_by)
VALUES ('0f6d1c3e-5b7a-4c1d-9e2f-3a4b5c6d7e01', 2, 'committed-but-not-sent', 'PUBLISHED', 'Committed but not sent',
        'world', 'en', 2, now() - interval '2 minutes', now() - interval '1 minute', now() - interval '1 minute',
        now() - interval '1 minute', 'editor', 'editor');

INSERT INTO outbox_event (event_id, aggregate_id, type, payload, occurred_at)
VALUES ('0f6d1c3e-5b7a-4c1d-9e2f-3a4b5c6d7e03', '0f6d1c3e-5b7a-4c1d-9e2f-3a4b5c6d7e01', 'newsroom.article.published',
        '{"id":"0f6d1c3e-5b7a-4c1d-9e2f-3a4b5c6d7e01","slug":"committed-but-not-sent","status":"PUBLISHED",'
            || '"headline":"Committed but not sent","section":"world","tags":[],"authors":[],"language":"en",'
            || '"related":[],"revision":2}',
        now() - interval '1 minute');

INSERT INTO article (id, version, slug, status, headline, section, language, revision, created_at, updated_at,
                     scheduled_at, created_by, updated_by)
VALUES ('0f6d1c3e-5b7a-4c1d-9e2f-3a4b5c6d7e02', 2, 'falls-due-while-the-service-is-down', 'SCHEDULED',
        'Falls due while the service is down', 'world', 'en', 2, now() - interval '2 minutes',
        now() - interval '1 minute', '2026-01-01T08:00:00Z', 'editor', 'editor');
