package dev.newsroom.desk.session;

import jakarta.enterprise.context.RequestScoped;

/** The user of the current request, as the session filter found them; the REST clients forward their credentials. */
@RequestScoped
public class SignedInUser {

    private String name;
    private boolean editor;
    private String csrfToken;
    private String authorization;

    void signIn(String name, boolean editor, String csrfToken, String authorization) {
        this.name = name;
        this.editor = editor;
        this.csrfToken = csrfToken;
        this.authorization = authorization;
    }

    /** Credentials being checked at sign-in, before there is a session. */
    public void tryCredentials(String authorization) {
        this.authorization = authorization;
    }

    public boolean present() {
        return name != null;
    }

    public String name() {
        return name;
    }

    public boolean editor() {
        return editor;
    }

    public String csrfToken() {
        return csrfToken;
    }

    /** The Authorization header for article-service and media-service (Basic locally, Bearer with OIDC). */
    public String authorization() {
        return authorization;
    }
}
