package dev.newsroom.desk;

import static dev.newsroom.desk.DeskBrowser.screenshot;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
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
            assertThat(writer.url()).matches(".*/stories/[0-9a-f-]{36}");
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
    void everyScreenPassesAxeWithoutSeriousOrCriticalViolations() throws Exception {
        String axe = Files.readString(Path.of("node_modules/axe-core/axe.min.js"));
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
            List<String> problems = new ArrayList<>(scan(page, axe, "01-sign-in"));
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
                problems.addAll(scan(page, axe, screen.getValue()));
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

    /** The body allow-list (events module) that article-service sanitizes to. */
    private static List<String> allowedElements() {
        return List.copyOf(BodyAllowList.elements().keySet());
    }

    private static List<String> allowedAttributes() {
        return BodyAllowList.elements().entrySet().stream()
                .flatMap(element -> element.getValue().stream().map(attribute -> element.getKey() + "[" + attribute + "]"))
                .toList();
    }

    private static List<String> scan(Page page, String axe, String name) {
        screenshot(page, name);
        page.evaluate(axe);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(', ') }))");
        return violations.stream().map(v -> name + ": " + v.get("id") + " (" + v.get("impact") + ") at " + v.get("nodes"))
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

    private static String createDraft(String headline, String body) {
        return given().auth().preemptive().basic("writer", "writer").contentType(ContentType.JSON)
                .body(input(headline, body))
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

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 6);
    }
}
