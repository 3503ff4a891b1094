package dev.newsroom.problem;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * Path segments and query parameters carrying control characters (a decoded {@code %00}, CR, LF, ...) are refused
 * with a 400 naming the parameter, before they reach a database that cannot store them or a log line they could
 * forge.
 */
public class ControlCharacters {

    @ServerRequestFilter
    public void refuseControlCharacters(ContainerRequestContext request) {
        check(request.getUriInfo().getPathParameters(true));
        check(request.getUriInfo().getQueryParameters(true));
    }

    private static void check(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (hasControl(value)) {
                    throw ProblemException.invalid(parameter.getKey(), "must not contain control characters");
                }
            }
        }
    }

    /** C0 controls and DEL, including tab and line breaks: none belongs in a URL's parameters. */
    public static boolean hasControl(String value) {
        return value != null && value.chars().anyMatch(c -> c < 0x20 || c == 0x7f);
    }
}
