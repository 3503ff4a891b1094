package dev.newsroom.desk.story;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import dev.newsroom.desk.Page;
import dev.newsroom.desk.Templates;
import dev.newsroom.desk.config.DeskConfig;
import dev.newsroom.desk.session.SignedInUser;
import io.quarkus.qute.TemplateInstance;

import lombok.RequiredArgsConstructor;

/** The story list: filters, search and paging over article-service's list endpoint; htmx swaps only the results. */
@RequiredArgsConstructor
@Path("/")
public class StoryListResource {

    private final Stories stories;
    private final SignedInUser user;
    private final DeskConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("section") String section,
            @QueryParam("q") String q, @QueryParam("author") String author, @QueryParam("page") Integer page,
            @HeaderParam("HX-Target") String target) {
        ListFilter filter = ListFilter.of(status, section, q, author, page);
        StoryPage result = stories.list(filter, config.pageSize());
        Page frame = Page.of("Stories", user, "stories");
        if ("story-results".equals(target)) {
            return Templates.stories$results(frame, filter, result);
        }
        return Templates.stories(frame, filter, result, config.sections());
    }
}
