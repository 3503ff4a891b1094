package dev.newsroom.feed.rest;

import java.util.List;

import lombok.RequiredArgsConstructor;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.newsroom.feed.service.SiteAddresses;
import dev.newsroom.page.NoticePageRenderer;
import dev.newsroom.problem.ProblemMappers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * What a person's browser (Accept: text/html) gets where the site has no page: an HTML page in plain words with the
 * way back to the front page, 404 for an address nothing answers or a story that is not there, 410 for a withdrawn
 * story. Feed readers and other programs keep problem+json.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class ReaderErrorPages {

    private final SiteAddresses addresses;
    private final NoticePageRenderer notices = new NoticePageRenderer();
    private final ProblemMappers problems = new ProblemMappers();

    /** The readers' page for a missing (404) or withdrawn (410) page. */
    public Response page(int status) {
        boolean gone = status == 410;
        String html = notices.render(addresses.site(List.of()),
                gone ? "This story has been withdrawn" : "Page not found",
                gone ? "The story that was here has been taken down by the newsroom."
                        : "There is nothing at this address. It may have been mistyped, or the story is not out yet.",
                null);
        return Response.status(status).type("text/html; charset=utf-8").entity(html)
                .header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    /** An address no resource of the site answers: the page for browsers, the usual problem for programs. */
    @ServerExceptionMapper
    public Response unknownAddress(NotFoundException e, HttpHeaders headers) {
        return wantsHtml(headers.getHeaderString(HttpHeaders.ACCEPT)) ? page(404) : problems.web(e);
    }

    /** Browsers name HTML in Accept when they navigate; feed readers, crawlers' fetchers and scripts rarely do. */
    static boolean wantsHtml(String accept) {
        return accept != null && (accept.contains("text/html") || accept.contains("application/xhtml+xml"));
    }
}
