package dev.newsroom.problem;

import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticator;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;

/**
 * 401 and 403 as problem+json, like every other error. The 401 keeps the challenge of whichever mechanism is
 * configured (Basic locally, Bearer with OIDC), so clients still learn how to authenticate. Authentication is not
 * proactive (each service's application.properties), so wrong credentials reach these mappers too.
 */
public class AccessProblems {

    @ServerExceptionMapper
    public Uni<Response> unauthenticated(UnauthorizedException e, RoutingContext context) {
        return challenged(context, "credentials are missing: sign in (HTTP Basic locally, a bearer token in production)");
    }

    @ServerExceptionMapper
    public Uni<Response> authenticationFailed(AuthenticationFailedException e, RoutingContext context) {
        return challenged(context, "the credentials were not accepted: check the user name and password, or the token");
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return problem(Problem.of(403, "Forbidden",
                "your role does not allow this: publishing, scheduling, unpublishing, the event history and changes "
                        + "to what readers see need the editor role")).build();
    }

    private static Uni<Response> challenged(RoutingContext context, String detail) {
        HttpAuthenticator authenticator = context.get(HttpAuthenticator.class.getName());
        Uni<ChallengeData> challenge = authenticator == null
                ? Uni.createFrom().nullItem()
                : authenticator.getChallenge(context).onFailure().recoverWithNull();
        return challenge.map(data -> {
            Response.ResponseBuilder response = problem(Problem.of(401, "Unauthorized", detail));
            if (data != null) {
                for (Map.Entry<CharSequence, String> header : data.getHeaders().entrySet()) {
                    response.header(header.getKey().toString(), header.getValue());
                }
            }
            return response.build();
        });
    }

    private static Response.ResponseBuilder problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
