package dev.newsroom.page;

import java.util.Objects;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.newsroom.events.ArticleSnapshot;

/** Renders a listing of stories: headline, summary, thumbnail, section and time of each, and paging links. */
public final class ListPageRenderer {

    /** Stories further down than this are below the fold on a phone and on a laptop: their photos load lazily. */
    private static final int EAGER_PHOTOS = 3;
    private static final String LEAD_SIZES = "(min-width: 40rem) 22rem, 6.5rem";
    private static final String THUMB_SIZES = "(min-width: 40rem) 9rem, 6.5rem";

    public String render(ListPage page, Site site) {
        Objects.requireNonNull(page, "page");
        Objects.requireNonNull(site, "site");
        String heading = Objects.requireNonNullElse(PageText.clean(page.heading()), site.name());
        String title = heading.equals(site.name()) ? site.name() : heading + " – " + site.name();
        Document document = PageShell.document(site, title, page.intro(), null, page.canonical(),
                page.currentSection());
        PageShell.alternates(document, page.feeds());

        Element main = PageShell.main(document);
        main.appendElement("h1").addClass("page-title").text(heading);
        if (PageText.clean(page.intro()) != null) {
            main.appendElement("p").addClass("page-intro").text(PageText.clean(page.intro()));
        }
        if (page.stories().isEmpty()) {
            main.appendElement("p").text("No stories yet.");
        } else {
            Element list = main.appendElement("ol").addClass("stories");
            for (int i = 0; i < page.stories().size(); i++) {
                story(list, page.stories().get(i), site, page.leadStory() && i == 0, i >= EAGER_PHOTOS);
            }
        }
        pager(main, page);
        feeds(main, page);
        return PageShell.html(document);
    }

    private static void story(Element list, ListPage.Story story, Site site, boolean lead, boolean lazy) {
        ArticleSnapshot article = story.article();
        Element item = list.appendElement("li").addClass("story");
        if (lead) {
            item.addClass("lead-story");
        }
        Element text = item.appendElement("div").addClass("story-text");
        String section = PageText.clean(article.section());
        if (section != null) {
            text.appendElement("p").addClass("kicker").appendElement("a")
                    .attr("href", site.section(section).toASCIIString()).text(site.sectionName(section));
        }
        text.appendElement("h2").appendElement("a").attr("href", site.article(article.slug()).toASCIIString())
                .text(Objects.requireNonNullElse(PageText.clean(article.headline()), ""));
        if (PageText.clean(article.summary()) != null) {
            text.appendElement("p").text(PageText.clean(article.summary()));
        }
        if (article.firstPublishedAt() != null) {
            Dates.time(text.appendElement("p").addClass("meta"), article.firstPublishedAt(), site.timeZone());
        }
        LeadImage.of(article, story.leadAsset()).ifPresent(image -> thumbnail(item, image, lead, lazy));
    }

    /** The photo repeats what the headline link says, so it is not a second link; alt still describes it. */
    private static void thumbnail(Element item, LeadImage image, boolean lead, boolean lazy) {
        Rendition shown = image.atLeast(lead ? 640 : 320);
        Element img = item.appendElement("img").attr("src", shown.url().toASCIIString())
                .attr("alt", Objects.requireNonNullElse(image.alt(), ""));
        String srcset = image.srcset();
        if (!srcset.isEmpty()) {
            img.attr("srcset", srcset).attr("sizes", lead ? LEAD_SIZES : THUMB_SIZES);
        }
        if (shown.width() > 0 && shown.height() > 0) {
            img.attr("width", Integer.toString(shown.width())).attr("height", Integer.toString(shown.height()));
        }
        if (lazy) {
            img.attr("loading", "lazy");
        }
    }

    private static void pager(Element main, ListPage page) {
        if (page.newer() == null && page.older() == null) {
            return;
        }
        Element nav = main.appendElement("nav").addClass("pager").attr("aria-label", "Pages");
        if (page.newer() != null) {
            nav.appendElement("a").attr("href", page.newer().toASCIIString()).attr("rel", "prev").text("← Newer stories");
        } else {
            nav.appendElement("span");
        }
        if (page.older() != null) {
            nav.appendElement("a").attr("href", page.older().toASCIIString()).attr("rel", "next").text("Older stories →");
        }
    }

    private static void feeds(Element main, ListPage page) {
        if (page.feeds().isEmpty()) {
            return;
        }
        Element paragraph = main.appendElement("p").addClass("feeds");
        paragraph.appendText("Follow this page: ");
        for (int i = 0; i < page.feeds().size(); i++) {
            Site.Feed feed = page.feeds().get(i);
            if (i > 0) {
                paragraph.appendText(" · ");
            }
            paragraph.appendElement("a").attr("href", feed.href().toASCIIString()).text(feed.format());
        }
    }
}
