package dev.newsroom.feed.rest;

import dev.newsroom.feed.support.WebSubHub;
import dev.newsroom.testsupport.HostileRequestTests;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of the OpenAPI document, anonymous, as a reader (the operators' endpoints then answer 401), gets
 * hostile path segments, query parameters, headers and bodies: none may answer 5xx, and every 4xx is a problem
 * document.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
@WithTestResource(WebSubHub.class)
class EveryEndpointTest extends HostileRequestTests {

    EveryEndpointTest() {
        super(null);
    }
}
