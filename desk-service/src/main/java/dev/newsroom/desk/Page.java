package dev.newsroom.desk;

import dev.newsroom.desk.session.SignedInUser;

/** What every page's frame needs: its title, who is signed in, and the CSRF token that its requests carry. */
public record Page(String title, String user, boolean editor, String csrfToken, String nav) {

    public static Page of(String title, SignedInUser user, String nav) {
        return new Page(title, user.name(), user.editor(), user.csrfToken(), nav);
    }

    public String role() {
        return editor ? "editor" : "writer";
    }
}
