package dev.newsroom.testsupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

import org.testcontainers.DockerClientFactory;

/**
 * A real Kafka broker and a real PostgreSQL for tests, started once per test JVM: containers where a
 * Docker engine answers, the local platform's own processes elsewhere. The same tests run on either.
 */
public interface Infrastructure {

    /** Where the broker and the database answer, and the database's credentials. */
    record Endpoints(String bootstrapServers, String jdbcUrl, String username, String password) {
    }

    Endpoints endpoints();

    default String bootstrapServers() {
        return endpoints().bootstrapServers();
    }

    default String jdbcUrl() {
        return endpoints().jdbcUrl();
    }

    default String username() {
        return endpoints().username();
    }

    default String password() {
        return endpoints().password();
    }

    /** A connection of its own to the test database, for what another replica or an operator would do. */
    default Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), username(), password());
    }

    /** Makes the broker unreachable until the returned handle is closed, for tests of an outage. */
    Outage kafkaOutage();

    /** Freezes PostgreSQL (it hangs, refusing nothing) until the returned handle is closed, for tests of an outage. */
    Outage databaseFreeze();

    void stop();

    /** The broker is back when this closes. */
    interface Outage extends AutoCloseable {
        @Override
        void close();
    }

    static Infrastructure shared() {
        return Shared.INSTANCE;
    }

    /** Holder idiom: started on first use, stopped when the JVM exits. */
    final class Shared {
        private static final Infrastructure INSTANCE = startAndRegister();

        private Shared() {
        }

        private static Infrastructure startAndRegister() {
            Infrastructure infrastructure = dockerAnswers()
                    ? ContainerInfrastructure.start()
                    : LocalProcessInfrastructure.start();
            Runtime.getRuntime().addShutdownHook(new Thread(infrastructure::stop, "test-infrastructure-stop"));
            return infrastructure;
        }

        private static boolean dockerAnswers() {
            if ("false".equalsIgnoreCase(System.getenv("NEWSROOM_TEST_DOCKER"))) {
                return false;
            }
            // Without a socket or DOCKER_HOST there is nothing to ask; Testcontainers would log errors for a while.
            if (System.getenv("DOCKER_HOST") == null && !Files.exists(Path.of("/var/run/docker.sock"))
                    && !Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"))) {
                return false;
            }
            try {
                return DockerClientFactory.instance().isDockerAvailable();
            } catch (RuntimeException | LinkageError e) {
                return false;
            }
        }
    }
}
