package dev.newsroom.desk.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

import dev.newsroom.desk.session.SignedInUser;

/** Forwards the signed-in user's credentials to article-service and media-service, which decide what they may do. */
@RequiredArgsConstructor
@ApplicationScoped
public class ApiAuthorization implements ClientHeadersFactory {

    private final SignedInUser user;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incoming,
            MultivaluedMap<String, String> outgoing) {
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        if (!outgoing.containsKey("Authorization") && user.authorization() != null) {
            headers.putSingle("Authorization", user.authorization());
        }
        return headers;
    }
}
