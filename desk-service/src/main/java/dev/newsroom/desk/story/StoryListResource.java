package dev.newsroom.desk.story;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.newsroom.desk.Page;
import dev.newsroom.desk.Templates;
import dev.newsroom.desk.api.ApiAnswers;
import dev.newsroom.desk.api.ArticleApi;
import dev.newsroom.desk.config.DeskConfig;
import dev.newsroom.desk.session.SignedInUser;
import io.quarkus.qute.TemplateInstance;

/** The story list: filters, search and paging over article-service's list endpoint; htmx swaps only the results. */
@Path("/")
public class StoryListResource {

    private final ArticleApi articles;
    private final ApiAnswers answers;
    private final SignedInUser user;
    private final DeskConfig config;

    public StoryListResource(@RestClient ArticleApi articles, ApiAnswers answers, SignedInUser user, DeskConfig config) {
        this.articles = articles;
        this.answers = answers;
        this.user = user;
        this.config = config;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance list(@QueryParam("status") String status, @QueryParam("section") String section,
            @QueryParam("q") String q, @QueryParam("author") String author, @QueryParam("page") Integer page,
            @HeaderParam("HX-Target") String target) {
        ListFilter filter = ListFilter.of(status, section, q, author, page);
        StoryPage result = answers.read(articles.list(filter.status(), filter.section(), filter.q(), filter.author(),
                filter.page(), config.pageSize()), StoryPage.class);
        Page frame = Page.of("Stories", user, "stories");
        if ("story-results".equals(target)) {
            return Templates.stories$results(frame, filter, result);
        }
        return Templates.stories(frame, filter, result, config.sections());
    }
}
