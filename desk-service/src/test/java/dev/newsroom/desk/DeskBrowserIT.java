package dev.newsroom.desk;

import static dev.newsroom.desk.DeskBrowser.screenshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

import dev.newsroom.events.content.BodyAllowList;
import io.restassured.http.ContentType;

/** The desk in a real browser, over the real services: what writers and editors do all day. */
class DeskBrowserIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A moment as every desk page writes it, in the newsroom's zone (DeskBrowser): "2 Dec 2026, 12:52 EST". */
    private static final String DESK_TIME = "\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} E[SD]T";
    private static DeskBrowser desk;

    @BeforeAll
    static void start() throws Exception {
        desk = DeskBrowser.start();
    }

    @AfterAll
    static void stop() {
        if (desk != null) {
            desk.close();
        }
    }

    @Test
    void writerDraftsWithPhotoEditorPublishesAndTheIptcCaptionReachesRss() throws Exception {
        String headline = "Harbour cranes return after the storm " + suffix();
        try (BrowserContext writerDesk = desk.person()) {
            Page writer = desk.signIn(writerDesk, "writer");
            screenshot(writer, "02-story-list");
            // the desk's tab is told apart from the others by its icon, served without a session
            given().get(desk.url("desk") + writer.getAttribute("link[rel=icon]", "href")).then().statusCode(200)
                    .contentType("image/svg+xml");
            writer.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("New story").setExact(true)).first().click();
            writeStory(writer, headline, "Three cranes are back in service.", "The port reopened its east quay on Monday.");
            writer.setInputFiles("#photo-file", new FilePayload("quay.jpg", "image/jpeg",
                    Files.readAllBytes(Path.of("src/test/resources/photos/iptc-latin1.jpg"))));
            // caption and credit come from the photo's own IPTC, read by media-service
            await().atMost(Duration.ofSeconds(20)).until(() -> writer.inputValue("#photo-caption").contains("Sitzung"));
            assertThat(writer.inputValue("#photo-credit")).isEqualTo("Bildagentur Zürich");
            writer.fill("#photo-alt", "Three cranes on the east quay at dusk");
            writer.keyboard().press("Control+S");
            awaitSaved(writer);
            // the moment is written as the desk's pages write it, not in the browser's own way
            assertThat(writer.textContent("#save-state")).matches("Saved " + DESK_TIME + " by writer");
            assertThat(writer.url()).matches(".*/stories/[0-9a-f-]{36}");
            // the first save gives the story its address, and the page says so without a reload
            writer.waitForSelector(".story-tabs a[href$='/revisions']");
            assertThat(writer.textContent(".editor-title")).startsWith("Edit story");
            assertThat(writer.title()).startsWith(headline);
            assertThat(writer.locator("nav[aria-label=Desk] [aria-current]").count()).isZero();
            assertThat(writer.locator("#story-actions")).isNotNull();
            assertThat(writer.locator("#publish-now").count()).as("writers do not see Publish").isZero();
            screenshot(writer, "03-editor-writer-draft");
        }
        try (BrowserContext editorDesk = desk.person()) {
            Page editor = desk.signIn(editorDesk, "editor");
            editor.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName(headline)).click();
            editor.waitForSelector(".ProseMirror");
            editor.onceDialog(dialog -> dialog.accept());
            editor.click("#publish-now");
            editor.waitForSelector("#status-badge:text('published')");
            screenshot(editor, "04-editor-published");
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            String rss = given().get(desk.url("feed") + "/feeds/rss.xml").then().statusCode(200).extract().asString();
            assertThat(rss).contains(headline).contains("Zürich, Genève: Sitzung");
        });
    }

    @Test
    void theSecondOfTwoEditorsGetsTheConflictDialogAndLosesNothing() throws Exception {
        String id = createDraft("Council votes on the budget " + suffix(), "<p>The council meets at nine.</p>");
        try (BrowserContext first = desk.person(); BrowserContext second = desk.person()) {
            Page writer = desk.signIn(first, "writer");
            Page editor = desk.signIn(second, "editor");
            writer.navigate("/stories/" + id);
            editor.navigate("/stories/" + id);
            writer.waitForSelector(".ProseMirror");
            editor.waitForSelector(".ProseMirror");

            typeAtEnd(writer, " The mayor spoke first.");
            writer.keyboard().press("Control+S");
            awaitSaved(writer);

            typeAtEnd(editor, " The vote was 31 to 12.");
            editor.keyboard().press("Control+S");
            Locator dialog = editor.locator("#conflict-dialog");
            dialog.waitFor();
            assertThat(dialog.isVisible()).isTrue();
            assertThat(editor.textContent("#save-state")).contains("someone else saved");
            assertThat(editor.inputValue("#conflict-mine")).contains("The vote was 31 to 12.");
            assertThat(dialog.locator("[data-slot=their-body]").textContent()).contains("The mayor spoke first.");
            screenshot(editor, "05-conflict-dialog");

            editor.click("[data-action=keep-mine]");
            awaitSaved(editor);
            assertThat(article(id).path("body").asText()).contains("The vote was 31 to 12.");
            // nothing of the first save is lost: it stays a revision
            JsonNode revisions = JSON.readTree(given().auth().preemptive().basic("editor", "editor")
                    .get(desk.url("article") + "/api/articles/" + id + "/revisions").asString());
            assertThat(revisions.size()).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aKeyboardAloneTakesAnEditorFromSignInToPublished() {
        String headline = "Keyboard-only story " + suffix();
        try (BrowserContext context = desk.person()) {
            Page page = context.newPage();
            page.navigate("/sign-in");
            // the user name field has the focus on arrival
            page.keyboard().type("editor");
            page.keyboard().press("Tab");
            page.keyboard().type("editor");
            page.keyboard().press("Enter");
            page.waitForURL(desk.url("desk") + "/");

            tabTo(page, "a.nav-new");
            page.keyboard().press("Enter");
            page.waitForSelector(".ProseMirror");
            tabTo(page, "#headline");
            page.keyboard().type(headline);
            page.keyboard().press("Tab");
            page.keyboard().type("Written without a mouse.");
            tabTo(page, ".ProseMirror");
            page.keyboard().type("Every control of the desk answers to the keyboard.");
            tabTo(page, "#section-input");
            page.keyboard().type("local");
            page.keyboard().press("Control+S");
            awaitSaved(page);

            page.onceDialog(dialog -> dialog.accept());
            tabTo(page, "#publish-now");
            page.keyboard().press("Enter");
            page.waitForSelector("#status-badge:text('published')");
        }
    }

    @Test
    void theTextToolbarIsOneTabStopWhoseButtonsTheArrowKeysReach() {
        try (BrowserContext context = desk.person()) {
            Page page = desk.signIn(context, "writer");
            page.navigate("/stories/new");
            page.waitForSelector(".ProseMirror");
            page.focus("#summary");
            assertThat(focusAfter(page, "Tab")).isEqualTo("bold");
            assertThat(focusAfter(page, "Tab")).as("Tab leaves the toolbar for the text").isEqualTo("text");

            assertThat(focusAfter(page, "Shift+Tab", "ArrowRight")).isEqualTo("italic");
            assertThat(focusAfter(page, "End")).isEqualTo("redo");
            assertThat(focusAfter(page, "ArrowRight")).as("the arrows wrap around").isEqualTo("bold");
            assertThat(focusAfter(page, "ArrowLeft", "Home", "ArrowRight", "ArrowRight")).isEqualTo("h2");

            assertThat(focusAfter(page, "Tab", "Shift+Tab")).as("Tab comes back to the button last used")
                    .isEqualTo("h2");
            page.keyboard().press("Enter");
            assertThat(page.getAttribute("button[data-command=h2]", "aria-pressed")).isEqualTo("true");
        }
    }

    @Test
    void everyScreenPassesAxeWithoutSeriousOrCriticalViolations() throws Exception {
        String id = createDraft("Accessible story " + suffix(), "<p>First version.</p>");
        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON)
                .header("If-Match", "\"" + article(id).path("version").asLong() + "\"")
                .body(input("Accessible story, revised", "<p>Second version.</p>"))
                .put(desk.url("article") + "/api/articles/" + id).then().statusCode(200);
        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON).body("{}")
                .post(desk.url("article") + "/api/articles/" + id + "/publish").then().statusCode(200);
        try (BrowserContext context = desk.person()) {
            Page page = context.newPage();
            page.navigate("/sign-in");
            List<String> problems = new ArrayList<>(DeskBrowser.accessibilityProblems(page, "01-sign-in"));
            page = desk.signIn(context, "editor");
            Map<String, String> screens = Map.of(
                    "/", "02-story-list-editor",
                    "/stories/new", "06-new-story",
                    "/stories/" + id, "07-editor-live-story",
                    "/stories/" + id + "/preview", "11-preview",
                    "/stories/" + id + "/revisions", "08-revisions",
                    "/stories/" + id + "/revisions/compare?a=1&b=2", "09-compare",
                    "/stories/" + id + "/activity", "10-activity");
            for (Map.Entry<String, String> screen : screens.entrySet()) {
                page.navigate(screen.getKey());
                page.waitForLoadState();
                problems.addAll(DeskBrowser.accessibilityProblems(page, screen.getValue()));
            }
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void hostileBodiesStayInertInTheEditorAndThePreview() throws Exception {
        JsonNode corpus = JSON.readTree(Path.of(System.getProperty("newsroom.root", ".."),
                "article-service/src/test/resources/hostile/html.json").toFile());
        StringBuilder all = new StringBuilder();
        corpus.forEach(vector -> all.append(vector.path("html").asText()).append('\n'));
        String id = createDraft("Hostile body " + suffix(), "<p>Safe.</p>");
        try (BrowserContext context = desk.person()) {
            List<String> fired = new CopyOnWriteArrayList<>();
            Page page = desk.signIn(context, "editor");
            page.onDialog(dialog -> {
                fired.add("dialog: " + dialog.message());
                dialog.dismiss();
            });
            page.onConsoleMessage(message -> {
                if (message.text().contains("pwned")) {
                    fired.add("console: " + message.text());
                }
            });
            context.exposeFunction("pwned", args -> fired.add("called: " + List.of(args)));
            page.navigate("/stories/" + id);
            page.waitForSelector(".ProseMirror");
            // what a paste from anywhere does: the raw HTML goes through the editor's parser
            String hostile = all.toString().replace("alert(", "pwned(");
            page.evaluate("html => window.deskEditor.editor.commands.insertContent(html)", hostile);
            page.keyboard().press("Control+S");
            awaitSaved(page);
            page.reload();
            page.waitForSelector(".ProseMirror");
            page.waitForTimeout(500);
            assertThat(fired).isEmpty();
            @SuppressWarnings("unchecked")
            List<String> written = (List<String>) page.evaluate("() => {"
                    + " const doc = new DOMParser().parseFromString(window.deskEditor.editor.getHTML(), 'text/html');"
                    + " return [...doc.body.querySelectorAll('*')].flatMap(e => [e.localName,"
                    + "   ...[...e.attributes].map(a => e.localName + '[' + a.name + ']' + (a.value.match(/^\\s*javascript:/i) ? ' javascript' : ''))]); }");
            List<String> allowed = new ArrayList<>(allowedElements());
            allowed.addAll(allowedAttributes());
            assertThat(written).isNotEmpty().isSubsetOf(allowed);
            assertThat((Boolean) page.evaluate("() => !!document.querySelector('.ProseMirror script, .ProseMirror iframe, .ProseMirror [onerror], .ProseMirror [onclick]')"))
                    .isFalse();
            screenshot(page, "12-hostile-body-inert-editor");
            // the preview: the public page renderer's output, in a sandboxed frame
            page.navigate("/stories/" + id + "/preview");
            page.frameLocator(".preview-frame").locator("h1").waitFor();
            page.waitForTimeout(500);
            assertThat(fired).isEmpty();
            screenshot(page, "13-hostile-body-inert-preview");
        }
    }

    @Test
    void onAPhoneEveryDeskPageFitsTheScreen() {
        // a long compound word and an address, which must break rather than widen the page
        Map<String, Object> story = new HashMap<>(input("Fährverbindungsfahrplanänderungsmitteilung: night ferry "
                + "resumes service " + suffix(), "<p>The first ferry left at ten with 212 passengers on board, "
                + "https://example.org/ferries/timetables/2026/winter-service-to-the-islands.pdf</p>"));
        story.put("summary", "The crossing returns after a winter pause of three months, with two sailings a day: "
                + "https://example.org/ferries/timetables/2026/winter-service-to-the-islands.pdf");
        String id = createDraft(story);
        try (BrowserContext phone = desk.phone()) {
            Page page = desk.signIn(phone, "writer");
            for (String path : List.of("/", "/stories/new", "/stories/" + id, "/stories/" + id + "/revisions",
                    "/stories/" + id + "/preview", "/stories/" + id + "/activity")) {
                page.navigate(path);
                page.waitForLoadState();
                assertThat((Integer) page.evaluate("() => document.documentElement.scrollWidth"))
                        .as("width of %s on a 390 px screen", path).isLessThanOrEqualTo(390);
            }
            page.navigate("/");
            screenshot(page, "19-story-list-on-a-phone");

            // a long headline wraps on the narrow screen, every word in sight, and stays one line
            page.navigate("/stories/new");
            page.waitForSelector(".ProseMirror");
            page.fill("#headline", "Night ferry resumes service to the islands after a winter pause of three months");
            page.press("#headline", "Enter");
            assertThat(page.inputValue("#headline")).doesNotContain("\n");
            // Enter saves, as in an input: this draft has no section yet, so the desk says why it is not saved
            page.waitForSelector("#save-state:has-text('Not saved:')");
            @SuppressWarnings("unchecked")
            Map<String, Integer> box = (Map<String, Integer>) page.evaluate(
                    "() => { const h = document.querySelector('#headline');"
                    + " return { scrollWidth: h.scrollWidth, clientWidth: h.clientWidth,"
                    + " scrollHeight: h.scrollHeight, clientHeight: h.clientHeight }; }");
            assertThat(box.get("scrollWidth")).as("headline's width").isLessThanOrEqualTo(box.get("clientWidth"));
            assertThat(box.get("scrollHeight")).as("headline's height").isLessThanOrEqualTo(box.get("clientHeight"));
            screenshot(page, "20-long-headline-on-a-phone");
        }
    }

    @Test
    void theEditorsSchemaWritesOnlyTheBodyAllowList() {
        try (BrowserContext context = desk.person()) {
            Page page = desk.signIn(context, "writer");
            page.navigate("/stories/new");
            page.waitForSelector(".ProseMirror");
            @SuppressWarnings("unchecked")
            Map<String, List<String>> schema = (Map<String, List<String>>) page.evaluate("() => window.deskEditor.schema()");
            assertThat(schema.get("elements")).isSubsetOf(allowedElements())
                    .contains("p", "h2", "h3", "a", "em", "strong", "ul", "ol", "li", "blockquote");
            assertThat(schema.get("attributes")).isSubsetOf(allowedAttributes());
        }
    }

    @Test
    void aRequestWithoutTheSessionsCsrfTokenIsRefused() throws Exception {
        String id = createDraft("CSRF target " + suffix(), "<p>Text.</p>");
        try (BrowserContext context = desk.person()) {
            desk.signIn(context, "editor");
            APIResponse forged = context.request().post("/stories/" + id + "/publish",
                    com.microsoft.playwright.options.RequestOptions.create().setForm(
                            com.microsoft.playwright.options.FormData.create()));
            assertThat(forged.status()).isEqualTo(403);
            assertThat(article(id).path("status").asText()).isEqualTo("DRAFT");
        }
    }

    @Test
    void aWriterChoosesTheLeadPhotoAmongRecentUploads() throws Exception {
        String caption = "Ferry leaving the harbour " + suffix();
        String chosen = uploadPhoto("editor", caption, "A white ferry leaving the harbour");
        String goneCaption = "Deleted photo " + suffix();
        String gone = uploadPhoto("editor", goneCaption, "Nothing");
        given().auth().preemptive().basic("editor", "editor").delete(desk.url("media") + "/api/media/" + gone)
                .then().statusCode(204);
        String headline = "Ferry timetable changes " + suffix();
        try (BrowserContext context = desk.person()) {
            Page writer = desk.signIn(context, "writer");
            writer.navigate("/stories/new");
            writeStory(writer, headline, "New crossings from Monday.", "The ferry leaves every hour.");
            writer.focus("#recent-details summary");
            writer.keyboard().press("Enter");
            Locator photo = writer.locator("button.recent-photo", new Page.LocatorOptions().setHasText(caption));
            photo.waitFor();
            assertThat(writer.locator("button.recent-photo").count()).isPositive();
            assertThat(writer.locator("button.recent-photo", new Page.LocatorOptions().setHasText(goneCaption)).count())
                    .as("a deleted photo is never offered").isZero();
            assertThat(photo.textContent()).contains("editor");
            List<String> problems = new ArrayList<>(DeskBrowser.accessibilityProblems(writer, "14-recent-uploads"));
            photo.focus();
            writer.keyboard().press("Enter");
            assertThat(writer.inputValue("#photo-caption")).isEqualTo(caption);
            assertThat(writer.inputValue("#photo-alt")).isEqualTo("A white ferry leaving the harbour");
            assertThat(writer.getAttribute("#photo-thumb", "src")).isEqualTo("/photos/" + chosen + "/thumb");
            writer.keyboard().press("Control+S");
            awaitSaved(writer);
            screenshot(writer, "15-recent-upload-chosen");
            String id = writer.url().substring(writer.url().lastIndexOf('/') + 1);
            assertThat(article(id).path("leadImage").path("mediaId").asText()).isEqualTo(chosen);
            assertThat(problems).isEmpty();
        }
    }

    @Test
    void aWriterIsWarnedOfAnotherSaveWhileTheStoryIsOpenAndOnOpeningIt() throws Exception {
        String id = createDraft("Bridge closure " + suffix(), "<p>The bridge closes at noon.</p>");
        try (BrowserContext context = desk.person()) {
            Page writer = desk.signIn(context, "writer");
            writer.navigate("/stories/" + id);
            writer.waitForSelector(".ProseMirror");
            assertThat(writer.locator("#changed-notice").count()).as("the writer saved last").isZero();

            long version = editAsEditor(id, "<p>The bridge closes at one, the city said.</p>");
            // the writer comes back to the tab
            writer.evaluate("() => window.dispatchEvent(new Event('focus'))");
            Locator stale = writer.locator("#stale-notice");
            stale.waitFor();
            assertThat(stale.innerText()).contains("editor")
                    .containsPattern("at " + DESK_TIME + " while you had this story open");
            screenshot(writer, "16-someone-else-saved-meanwhile");

            // no autosave over the editor's version: the text stays unsaved until the writer chooses
            typeAtEnd(writer, " Traffic is diverted.");
            await().during(Duration.ofMillis(3500)).atMost(Duration.ofSeconds(6))
                    .until(() -> article(id).path("version").asLong() == version);
            writer.keyboard().press("Control+S");
            writer.locator("#conflict-dialog").waitFor();
            assertThat(article(id).path("body").asText()).doesNotContain("Traffic is diverted");
            writer.click("#conflict-dialog [data-action=close]");

            writer.onceDialog(dialog -> dialog.accept());
            writer.click("#stale-notice [data-action=load-theirs]");
            writer.waitForFunction("() => document.querySelector('.ProseMirror').textContent.includes('closes at one')");
            Locator changed = writer.locator("#changed-notice");
            assertThat(changed.innerText()).contains("Changed since your last save").contains("editor saved revision 2");
            assertThat(changed.locator("a").getAttribute("href")).endsWith("/revisions/compare?a=1&b=2");
            screenshot(writer, "17-changed-since-your-last-save");
        }
    }

    @Test
    void comparingARevisionWithItselfSaysSoInsteadOfShowingAnUnmarkedText() throws Exception {
        String id = createDraft("Ferry timetable " + suffix(), "<p>Boats leave hourly.</p>");
        editAsEditor(id, "<p>Boats leave every half hour.</p>");
        try (BrowserContext context = desk.person()) {
            Page page = desk.signIn(context, "editor");
            page.navigate("/stories/" + id + "/revisions");
            // as a keyboard user does it: the arrow key moves the checked "to" pick from revision 2 to revision 1
            page.focus("#b-2");
            page.keyboard().press("ArrowDown");
            page.click("form button[type=submit]");
            page.waitForURL("**/revisions/compare?a=1&b=1");
            assertThat(page.textContent("#diff-title")).isEqualTo("Revision 1");
            assertThat(page.textContent("[role=status]")).contains("Both picks are revision 1");
            screenshot(page, "09-compare-one-revision-with-itself");

            page.navigate("/stories/" + id + "/revisions/compare?a=1&b=2");
            assertThat(page.textContent("#diff-title")).isEqualTo("Revision 1 → revision 2");
            assertThat(page.locator("[role=status]").count()).isZero();
            assertThat(page.locator(".diff-text").nth(2).locator("del").textContent()).contains("hourly");
        }
    }

    @Test
    void aSectionIsShownByTheNewsroomsNameInTheListTheFilterTheEditorAndThePreview() {
        String headline = "Harbour fair returns " + suffix();
        String id = createDraft(headline, "<p>Stalls open on Saturday.</p>");
        try (BrowserContext context = desk.person()) {
            Page page = desk.signIn(context, "writer");
            page.navigate("/");
            Locator row = page.locator("tr", new Page.LocatorOptions().setHasText(headline));
            assertThat(row.locator("td").nth(2).textContent()).isEqualTo("Local news");
            assertThat(page.locator("#section option[value=local]").textContent()).isEqualTo("Local news");
            assertThat(page.locator("#section option[value=politics]").textContent()).isEqualTo("Politics");

            page.navigate("/stories/" + id);
            assertThat(page.inputValue("#section-input")).as("the story keeps its section").isEqualTo("local");
            assertThat(page.getAttribute("#section-list option[value=local]", "label")).isEqualTo("Local news");

            page.navigate("/stories/" + id + "/preview");
            assertThat(page.frameLocator(".preview-frame").locator(".kicker a").textContent())
                    .isEqualTo("Local news");
        }
    }

    @Test
    void anEditorSchedulesInTheNewsroomsTimeZoneWhateverTheBrowsersZone() throws Exception {
        String id = createDraft("Ferry timetable changes " + suffix(), "<p>New times from January.</p>");
        try (BrowserContext context = desk.personIn("Asia/Tokyo")) {
            Page editor = desk.signIn(context, "editor");
            editor.navigate("/stories/" + id);
            editor.waitForSelector(".ProseMirror");
            assertThat(editor.textContent("label[for=schedule-at]")).contains("America/New_York time");
            editor.fill("#schedule-at", "2030-01-15T06:00");
            editor.onceDialog(dialog -> dialog.accept());
            editor.click("#story-actions form:has(#schedule-at) button[type=submit]");
            editor.waitForSelector("#story-actions :text('Scheduled for')");
            assertThat(editor.textContent("#story-actions")).contains("Scheduled for 15 Jan 2030, 06:00 EST");
            screenshot(editor, "18-scheduled-in-newsroom-time");
        }
        assertThat(article(id).path("scheduledAt").asText()).isEqualTo("2030-01-15T11:00:00Z");
    }

    @Test
    void thePreviewShowsTheTextInTheEditorNotTheLastSavedOne() throws Exception {
        String id = createDraft("Library reopens " + suffix(), "<p>The library reopens on Monday.</p>");
        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON).body("{}")
                .post(desk.url("article") + "/api/articles/" + id + "/publish").then().statusCode(200);
        try (BrowserContext context = desk.person()) {
            Page editor = desk.signIn(context, "editor");
            editor.navigate("/stories/" + id);
            editor.waitForSelector(".ProseMirror");
            // a live story is never saved by itself, so what the preview shows is unsaved
            editor.fill("#headline", "Library reopens with longer hours");
            typeAtEnd(editor, " It now opens until nine.");
            editor.click("#preview-button");
            com.microsoft.playwright.FrameLocator preview = editor.frameLocator("#preview-dialog iframe");
            preview.locator("h1").filter(new Locator.FilterOptions().setHasText("longer hours")).waitFor();
            assertThat(preview.locator(".body").textContent()).contains("It now opens until nine.");
            screenshot(editor, "18-preview-of-unsaved-text");
            assertThat(article(id).path("headline").asText()).startsWith("Library reopens ").doesNotContain("longer");
            editor.keyboard().press("Escape");

            // the Preview tab shows the editor's text too
            editor.click(".story-tabs a[href$='/preview']");
            preview.locator("h1").filter(new Locator.FilterOptions().setHasText("longer hours")).waitFor();
            editor.keyboard().press("Escape");

            // a story never saved
            editor.navigate("/stories/new");
            writeStory(editor, "Unsaved story " + id, "Not saved at all.", "Only in the editor.");
            editor.click("#preview-button");
            preview.locator("h1").filter(new Locator.FilterOptions().setHasText("Unsaved story " + id)).waitFor();
            assertThat(preview.locator(".body").textContent()).contains("Only in the editor.");

            // what a hostile page could post directly: no token, refused; with it, the body is cleaned and sandboxed
            String token = editor.getAttribute("meta[name=csrf-token]", "content");
            String hostile = "{\"headline\":\"Posted\",\"body\":\"<p>ok</p><script>pwned()</script><img src=x onerror=pwned()>\"}";
            APIResponse refused = context.request().post("/stories/preview", com.microsoft.playwright.options.RequestOptions
                    .create().setForm(com.microsoft.playwright.options.FormData.create().set("content", hostile)));
            assertThat(refused.status()).isEqualTo(403);
            APIResponse page = context.request().post("/stories/preview", com.microsoft.playwright.options.RequestOptions
                    .create().setForm(com.microsoft.playwright.options.FormData.create().set("csrf", token)
                            .set("content", hostile)));
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.headers().get("content-security-policy")).contains("sandbox").contains("default-src 'none'");
            assertThat(page.text()).contains("<p>ok</p>").doesNotContain("pwned()");
        }
    }

    /** The body allow-list (events module) that article-service sanitizes to. */
    private static List<String> allowedElements() {
        return List.copyOf(BodyAllowList.elements().keySet());
    }

    private static List<String> allowedAttributes() {
        return BodyAllowList.elements().entrySet().stream()
                .flatMap(element -> element.getValue().stream().map(attribute -> element.getKey() + "[" + attribute + "]"))
                .toList();
    }

    private static void writeStory(Page page, String headline, String summary, String body) {
        page.waitForSelector(".ProseMirror");
        page.fill("#headline", headline);
        page.fill("#summary", summary);
        page.click(".ProseMirror");
        page.keyboard().type(body);
        page.fill("#section-input", "economy");
        page.fill("#authors", "Lea Martin");
    }

    private static void typeAtEnd(Page page, String text) {
        page.click(".ProseMirror");
        page.keyboard().press("Control+End");
        page.keyboard().type(text);
    }

    private static void awaitSaved(Page page) {
        page.waitForFunction("() => document.getElementById('save-state').textContent.startsWith('Saved')");
    }

    /** Presses Tab until the element matching the selector has the focus (at most 60 times). */
    private static void tabTo(Page page, String selector) {
        for (int i = 0; i < 60; i++) {
            if ((Boolean) page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)", selector)) {
                return;
            }
            page.keyboard().press("Tab");
        }
        throw new AssertionError("Tab never reached " + selector);
    }

    /**
     * Presses the keys in turn, then names what has the focus: the toolbar command of a button, "text" for the body
     * editor, else the element's tag.
     */
    private static String focusAfter(Page page, String... keys) {
        for (String key : keys) {
            page.keyboard().press(key);
        }
        return (String) page.evaluate("() => { const e = document.activeElement;"
                + " return e.dataset.command || (e.classList.contains('ProseMirror') ? 'text' : e.tagName); }");
    }

    private static String createDraft(String headline, String body) {
        return createDraft(input(headline, body));
    }

    private static String createDraft(Map<String, Object> story) {
        return given().auth().preemptive().basic("writer", "writer").contentType(ContentType.JSON).body(story)
                .post(desk.url("article") + "/api/articles").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> input(String headline, String body) {
        return Map.of("headline", headline, "summary", "A summary.", "body", body, "section", "local",
                "authors", List.of(Map.of("name", "Lea Martin")));
    }

    private static JsonNode article(String id) throws Exception {
        return JSON.readTree(given().auth().preemptive().basic("editor", "editor")
                .get(desk.url("article") + "/api/articles/" + id).then().statusCode(200).extract().asString());
    }

    /** A photo uploaded straight to media-service, as another desk or the picture desk would. */
    private static String uploadPhoto(String user, String caption, String altText) throws Exception {
        return given().auth().preemptive().basic(user, user)
                .multiPart("file", "photo.jpg", Files.readAllBytes(Path.of("src/test/resources/photos/iptc-latin1.jpg")),
                        "image/jpeg")
                .multiPart("caption", caption).multiPart("altText", altText)
                .post(desk.url("media") + "/api/media").then().statusCode(201).extract().path("id");
    }

    /** The editor replaces the body through the API, as from another desk; answers the new version. */
    private static long editAsEditor(String id, String body) throws Exception {
        JsonNode current = article(id);
        return given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON)
                .header("If-Match", "\"" + current.path("version").asLong() + "\"")
                .body(input(current.path("headline").asText(), body))
                .put(desk.url("article") + "/api/articles/" + id).then().statusCode(200).extract().jsonPath()
                .getLong("version");
    }

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
