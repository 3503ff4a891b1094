package dev.newsroom.desk;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

import io.restassured.http.ContentType;

/**
 * Not a test: bench/desk-bench.sh runs it against a running platform and it prints the save round-trip from the
 * browser (Ctrl+S until the save state says Saved: the desk, article-service's PUT with If-Match, the answer).
 */
class DeskSaveBenchmark {

    @Test
    void saveRoundTrip() throws Exception {
        int saves = Integer.getInteger("bench.saves", 100);
        try (DeskBrowser desk = DeskBrowser.start(); BrowserContext context = desk.person()) {
            String id = given().auth().preemptive().basic("writer", "writer").contentType(ContentType.JSON)
                    .body(Map.of("headline", "Save round-trip", "summary", "Bench.", "body", "<p>Start.</p>",
                            "section", "bench"))
                    .post(desk.url("article") + "/api/articles").then().statusCode(201).extract().path("id");
            Page page = desk.signIn(context, "writer");
            page.navigate("/stories/" + id);
            page.waitForSelector(".ProseMirror");
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < saves + 10; i++) {
                page.click(".ProseMirror");
                page.keyboard().press("Control+End");
                page.keyboard().type(" " + i);
                Object elapsed = page.evaluate("() => new Promise(resolve => {"
                        + " const state = document.getElementById('save-state');"
                        + " const start = performance.now();"
                        + " const seen = new MutationObserver(() => { if (state.textContent.startsWith('Saved')) {"
                        + "   seen.disconnect(); resolve(performance.now() - start); } });"
                        + " seen.observe(state, { childList: true, characterData: true, subtree: true });"
                        + " window.deskEditor.saveNow(); })");
                if (i >= 10) {
                    millis.add(((Number) elapsed).doubleValue());
                }
            }
            Collections.sort(millis);
            System.out.printf("desk bench: save round-trip p50 %.1f ms, p95 %.1f ms, max %.1f ms (%d saves)%n",
                    millis.get(millis.size() / 2), millis.get((int) (millis.size() * 0.95)),
                    millis.get(millis.size() - 1), millis.size());
        }
    }
}
