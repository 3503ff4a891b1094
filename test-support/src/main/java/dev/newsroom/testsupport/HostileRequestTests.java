package dev.newsroom.testsupport;

import java.util.stream.Stream;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import io.restassured.RestAssured;

/**
 * The hostile-request tests every service runs against its own OpenAPI document ({@link HostileRequests}): a service's
 * {@code @QuarkusTest} extends this class and says whom the requests come from.
 */
@RequiredArgsConstructor(access = AccessLevel.PROTECTED)
public abstract class HostileRequestTests {

    /** The Authorization header of every request, or null for an anonymous caller. */
    private final String authorization;

    @TestFactory
    Stream<DynamicTest> noHostileRequestGetsA5xx() {
        return HostileRequests.noneGetsA5xx(baseUrl(), authorization);
    }

    @Test
    void uniquePathsDoNotBecomeMetricLabels() {
        HostileRequests.requireUniquePathsOutOfMetrics(baseUrl(), authorization);
    }

    private static String baseUrl() {
        return "http://localhost:" + RestAssured.port;
    }
}
