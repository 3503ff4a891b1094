package dev.newsroom.desk;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;

import dev.newsroom.testsupport.RunningPlatform;

/**
 * Debian's chromium driven by Playwright for Java, against the packaged desk, article-, media- and feed-service on
 * the shared test Kafka and PostgreSQL, with axe-core for accessibility scans. With -Ddesk.url=... (and article.url,
 * media.url, feed.url) it uses a platform that already runs, e.g. {@code ./newsroom up}, which makes iterating quick.
 */
final class DeskBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /**
     * What an operator sets: section names (one variable for feed-service and the desk's preview) and the newsroom's
     * time zone, one that is not the machine's. A platform given with -Ddesk.url=... needs them too for the checks
     * of names and times.
     */
    static final Map<String, String> OPERATOR_SETTINGS = Map.of("NEWSROOM_SITE_SECTION_NAMES", "local=Local news",
            "NEWSROOM_TIME_ZONE", "America/New_York");
    private static final String CHROMIUM = System.getProperty("chromium", "/usr/bin/chromium");
    private static String axe;

    private final RunningPlatform platform;
    private final Map<String, String> urls;
    private final Playwright playwright;
    final Browser browser;

    private DeskBrowser(RunningPlatform platform, Map<String, String> urls) {
        this.platform = platform;
        this.urls = urls;
        if (!Files.isExecutable(Path.of(CHROMIUM))) {
            throw new IllegalStateException(CHROMIUM + " is missing: the desk's browser tests use Debian's chromium "
                    + "(apt-get install chromium)");
        }
        this.playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        this.browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
                .setExecutablePath(Path.of(CHROMIUM))
                .setHeadless(true)
                .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                        "--disable-background-networking", "--disable-component-update", "--disable-sync",
                        "--no-first-run")));
    }

    static DeskBrowser start() throws IOException, InterruptedException {
        return start(List.of("article", "media", "feed", "desk"));
    }

    /** The named services only ("article", "media", "feed", "desk"). */
    static DeskBrowser start(List<String> services) throws IOException, InterruptedException {
        Files.createDirectories(SCREENSHOTS);
        String desk = System.getProperty("desk.url");
        if (desk != null) {
            return new DeskBrowser(null, Map.of("desk", desk, "article", System.getProperty("article.url"),
                    "media", System.getProperty("media.url"), "feed", System.getProperty("feed.url")));
        }
        RunningPlatform platform = RunningPlatform.start(services, OPERATOR_SETTINGS);
        try {
            Map<String, String> urls = new java.util.HashMap<>();
            services.forEach(service -> urls.put(service, platform.url(service)));
            return new DeskBrowser(platform, urls);
        } catch (RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    String url(String service) {
        return urls.get(service);
    }

    /** A fresh browser profile (its own cookies), as a second person at another desk. */
    BrowserContext person() {
        return desk(new Browser.NewContextOptions().setViewportSize(1360, 900));
    }

    /** A fresh profile whose clock is in another time zone, as an editor travelling or on another desk. */
    BrowserContext personIn(String timeZone) {
        return desk(new Browser.NewContextOptions().setViewportSize(1360, 900).setTimezoneId(timeZone));
    }

    /** A fresh profile on a phone's screen, as a reporter in the field. */
    BrowserContext phone() {
        return desk(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
    }

    private BrowserContext desk(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setBaseURL(url("desk")));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** A reader's browser on the public site (feed-service). */
    BrowserContext reader() {
        return site(new Browser.NewContextOptions().setViewportSize(1280, 900));
    }

    /** A reader on a phone's screen, as most readers of news are. */
    BrowserContext readerOnAPhone() {
        return site(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setHasTouch(true));
    }

    private BrowserContext site(Browser.NewContextOptions options) {
        BrowserContext context = browser.newContext(options.setBaseURL(url("feed")));
        context.setDefaultTimeout(15_000);
        return context;
    }

    /** Signs in through the form, as a user would. */
    Page signIn(BrowserContext context, String user) {
        Page page = context.newPage();
        page.navigate("/sign-in");
        page.getByLabel("User name").fill(user);
        page.getByLabel("Password").fill(user);
        page.getByRole(com.microsoft.playwright.options.AriaRole.BUTTON,
                new Page.GetByRoleOptions().setName("Sign in")).click();
        page.waitForURL(url("desk") + "/");
        return page;
    }

    static void screenshot(Page page, String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /**
     * Screenshots the page, then scans it with axe-core: its serious and critical violations, one line each (rule,
     * impact, elements), empty when there are none.
     */
    static List<String> accessibilityProblems(Page page, String name) {
        screenshot(page, name);
        page.evaluate(axeScript());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> violations = (List<Map<String, Object>>) page.evaluate(
                "async () => (await axe.run(document, { resultTypes: ['violations'] })).violations"
                        + ".filter(v => v.impact === 'serious' || v.impact === 'critical')"
                        + ".map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => n.target.join(' ')).join(', ') }))");
        return violations.stream().map(v -> name + ": " + v.get("id") + " (" + v.get("impact") + ") at " + v.get("nodes"))
                .toList();
    }

    /** axe-core from the desk's locked npm packages (package.json, devDependencies). */
    private static synchronized String axeScript() {
        if (axe == null) {
            try {
                axe = Files.readString(Path.of("node_modules/axe-core/axe.min.js"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("axe-core is missing: the build's npm ci installs it", e);
            }
        }
        return axe;
    }

    @Override
    public void close() {
        try {
            browser.close();
            playwright.close();
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }
}
