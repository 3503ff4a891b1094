package dev.newsroom.testsupport;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Hands the shared Kafka broker and PostgreSQL to a Quarkus service under test. */
public class NewsroomTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Infrastructure infrastructure = Infrastructure.shared();
        return Map.of(
                "kafka.bootstrap.servers", infrastructure.bootstrapServers(),
                "quarkus.datasource.jdbc.url", infrastructure.jdbcUrl(),
                "quarkus.datasource.username", infrastructure.username(),
                "quarkus.datasource.password", infrastructure.password(),
                "quarkus.devservices.enabled", "false");
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; Infrastructure stops it when the JVM exits.
    }
}
