package dev.newsroom.article.messaging;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThan;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Readiness means "can serve its HTTP users": with the broker gone the editors' API stays in service (the outbox
 * holds the events), and the outage shows where operators look for it: the kafka health group.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class BrokerOutageHealthTest {

    @Test
    void theServiceStaysReadyWhileTheBrokerIsDownAndTheKafkaGroupSaysSo() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/group/kafka").then()
                .statusCode(200).body("checks[0].data.'media.partitions'", greaterThan(0)));

        try (Infrastructure.Outage outage = Infrastructure.shared().kafkaOutage()) {
            // The consumer notices the lost connection within its reconnect backoff; readiness must not follow.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/group/kafka").then()
                    .statusCode(503).body("checks[0].data.problems", containsString("no connection to the broker")));
            await().during(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(7)).untilAsserted(() ->
                    given().get("/q/health/ready").then().statusCode(200)
                            .time(org.hamcrest.Matchers.lessThan(2_000L)));
            given().get("/q/health/live").then().statusCode(200);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().get("/q/health/group/kafka").then()
                .statusCode(200));
    }
}
