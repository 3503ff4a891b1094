package dev.newsroom.article.rest;

import dev.newsroom.testsupport.HostileRequestTests;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Every operation of the OpenAPI document, signed in as an editor, who may call every endpoint, gets hostile path
 * segments, query parameters, headers and bodies: none may answer 5xx, and every 4xx is a problem document.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class EveryEndpointTest extends HostileRequestTests {

    EveryEndpointTest() {
        super("Basic ZWRpdG9yOmVkaXRvcg==");
    }
}
