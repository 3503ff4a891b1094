package dev.newsroom.desk.story;

import java.util.Arrays;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsroom.desk.api.ApiAnswers;
import dev.newsroom.desk.api.ApiAnswers.ApiRefusal;
import dev.newsroom.desk.api.ArticleApi;
import dev.newsroom.desk.history.RevisionLine;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * article-service's stories as the desk's pages read them: each answer as a value, an error answer thrown as an
 * {@link ApiRefusal} with its problem. Calls whose raw answer matters (a 304, a retry) use {@link ArticleApi} itself.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class Stories {

    @RestClient
    private final ArticleApi articles;
    private final ApiAnswers answers;

    public Story get(String id) {
        return answers.read(articles.get(id), Story.class);
    }

    /** The story as article-service's JSON, for what reads it as the event contract's snapshot (the previews). */
    public ObjectNode json(String id) {
        return answers.read(articles.get(id), ObjectNode.class);
    }

    public StoryPage list(ListFilter filter, int size) {
        return answers.read(articles.list(filter.status(), filter.section(), filter.q(), filter.author(), filter.page(),
                size), StoryPage.class);
    }

    public Story publish(String id, JsonNode request) {
        return answers.read(articles.publish(id, request), Story.class);
    }

    public Story unpublish(String id, JsonNode request) {
        return answers.read(articles.unpublish(id, request), Story.class);
    }

    /** Saves {@code input} over the story if it is still at {@code version}. */
    public Story replace(String id, long version, JsonNode input) {
        return answers.read(articles.replace(id, ifMatch(version), input), Story.class);
    }

    public List<RevisionLine> revisions(String id) {
        return Arrays.asList(answers.read(articles.revisions(id), RevisionLine[].class));
    }

    /** The story's editable fields as revision {@code number} saved them. */
    public JsonNode revisionContent(String id, int number) {
        return answers.read(articles.revision(id, number), JsonNode.class).path("content");
    }

    /** Restores revision {@code number} if the story is still at {@code version}. */
    public void restore(String id, int number, long version) {
        answers.read(articles.restore(id, number, ifMatch(version)), JsonNode.class);
    }

    public JsonNode events(String id) {
        return answers.read(articles.events(id), JsonNode.class);
    }

    /** article-service's ETag of a version, for If-Match and If-None-Match. */
    static String ifMatch(long version) {
        return "\"" + version + "\"";
    }
}
