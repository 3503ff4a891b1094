package dev.newsroom.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

/**
 * The local test infrastructure works wherever the clone lives: a user's clone or a CI workspace can sit
 * under a path far longer than the 107 bytes a Unix-domain socket path may have.
 */
class LongClonePathTest {

    @Test
    void kafkaAndPostgresStartUnderAPathOfMoreThan150Characters() throws Exception {
        Path deep = Path.of("target").toAbsolutePath()
                .resolve("a-clone-path-as-long-as-a-ci-runner-workspace-" + "x".repeat(60))
                .resolve("newsroom-" + "y".repeat(40));
        assertThat(deep.toString().length()).isGreaterThan(150);

        LocalProcessInfrastructure infrastructure = LocalProcessInfrastructure.startUnder(deep);
        try {
            try (Connection connection = infrastructure.connect();
                    ResultSet result = connection.createStatement().executeQuery("SELECT current_database()")) {
                assertThat(result.next()).as("result.next()").isTrue();
                assertThat(result.getString(1)).isEqualTo("newsroom");
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    infrastructure.bootstrapServers()))) {
                admin.createTopics(Set.of(new NewTopic("long-path-check", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
                // a busy broker may list a topic a moment after its controller created it
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                        assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("long-path-check"));
            }
        } finally {
            infrastructure.stop();
        }
    }
}
