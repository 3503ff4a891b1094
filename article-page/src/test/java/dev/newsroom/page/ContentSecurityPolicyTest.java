package dev.newsroom.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

/** The policy allows exactly the stylesheet the pages carry, and nothing executable. */
class ContentSecurityPolicyTest {

    @Test
    void everyPageKindsStylesheetMatchesThePolicysHash() throws Exception {
        List<String> pages = List.of(
                new ArticlePageRenderer().render(Fixtures.article("en"), Fixtures.asset(), Fixtures.SITE),
                new ListPageRenderer().render(Fixtures.listing(true), Fixtures.SITE),
                new NoticePageRenderer().render(Fixtures.SITE, "Page not found", "Nothing here.", null));
        for (String html : pages) {
            Document document = Jsoup.parse(html);
            byte[] style = document.selectFirst("style").data().getBytes(StandardCharsets.UTF_8);
            String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(style));

            assertThat(PageShell.CONTENT_SECURITY_POLICY).contains("style-src 'sha256-" + hash + "'");
            assertThat(document.select("[style], [onload], [onclick], [onerror]")).isEmpty();
            assertThat(document.select("script")).allSatisfy(
                    script -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
        }
        assertThat(PageShell.CONTENT_SECURITY_POLICY).contains("default-src 'none'", "frame-ancestors 'none'",
                "base-uri 'none'").doesNotContain("unsafe-inline", "unsafe-eval", "script-src");
    }
}
