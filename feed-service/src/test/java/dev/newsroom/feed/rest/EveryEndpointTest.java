package dev.newsroom.feed.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import dev.newsroom.testsupport.HostileRequests;
import dev.newsroom.feed.support.WebSubHub;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Every operation of the OpenAPI document, anonymous, as a reader (the operators' endpoints then answer 401), gets hostile path
 * segments, query parameters, headers and bodies: none may answer 5xx, and every 4xx is a problem document.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
@WithTestResource(WebSubHub.class)
class EveryEndpointTest {

    @TestFactory
    Stream<DynamicTest> noHostileRequestGetsA5xx() {
        String base = "http://localhost:" + RestAssured.port;
        return HostileRequests.probes(base).stream().map(probe -> DynamicTest.dynamicTest(probe.name(), () -> {
            HttpResponse<String> response = HostileRequests.send(base, probe, null);
            assertThat(response.statusCode()).as(probe.name() + ": " + response.body()).isLessThan(500);
            if (response.statusCode() >= 400) {
                assertThat(response.headers().firstValue("Content-Type")).as(probe.name())
                        .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            }
        }));
    }

    @Test
    void uniquePathsDoNotBecomeMetricLabels() {
        String base = "http://localhost:" + RestAssured.port;
        String marker = "probe" + UUID.randomUUID().toString().replace("-", "");
        for (HostileRequests.Probe probe : HostileRequests.uniquePaths(base, marker)) {
            HttpResponse<String> response = HostileRequests.send(base, probe, null);
            assertThat(response.statusCode()).as(probe.name()).isLessThan(500);
        }
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).contains("http_server_requests").doesNotContain(marker);
    }
}
