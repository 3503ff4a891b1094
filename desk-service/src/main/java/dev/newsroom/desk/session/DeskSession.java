package dev.newsroom.desk.session;

import java.time.Instant;

/**
 * Who is signed in (form sign-in): the user, the password forwarded to the APIs as HTTP Basic, whether the APIs
 * let them act as an editor, the CSRF token bound to this session, and when the session ends.
 */
public record DeskSession(String user, String password, boolean editor, String csrfToken, Instant expiresAt) {
}
