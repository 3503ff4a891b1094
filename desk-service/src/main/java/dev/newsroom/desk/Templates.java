package dev.newsroom.desk;

import java.util.List;

import dev.newsroom.desk.history.ActivityLine;
import dev.newsroom.desk.history.RevisionDiff;
import dev.newsroom.desk.history.RevisionLine;
import dev.newsroom.desk.photo.RecentPhotos;
import dev.newsroom.desk.story.ChangedSince;
import dev.newsroom.desk.story.ListFilter;
import dev.newsroom.desk.story.Story;
import dev.newsroom.desk.story.StoryPage;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/** The desk's pages (src/main/resources/templates), checked against their data at build time. */
@CheckedTemplate
public final class Templates {

    private Templates() {
    }

    public static native TemplateInstance signIn(String csrfToken, String error, String username, boolean expired);

    public static native TemplateInstance stories(Page page, ListFilter filter, StoryPage result, List<String> sections);

    public static native TemplateInstance stories$results(Page page, ListFilter filter, StoryPage result);

    public static native TemplateInstance editor(Page page, Story story, String thumbUrl, String altText, String byline,
            ChangedSince changed, String message);

    public static native TemplateInstance editor$head(Story story);

    public static native TemplateInstance editor$actions(Page page, Story story, String message);

    public static native TemplateInstance revisions(Page page, Story story, List<RevisionLine> revisions);

    public static native TemplateInstance compare(Page page, Story story, RevisionDiff diff);

    public static native TemplateInstance activity(Page page, Story story, List<ActivityLine> lines, boolean allowed);

    public static native TemplateInstance preview(Page page, Story story);

    public static native TemplateInstance recentPhotos(RecentPhotos photos);

    public static native TemplateInstance problem(Page page, int status, String title, String detail);
}
