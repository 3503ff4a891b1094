package dev.newsroom.testsupport;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

import dev.newsroom.local.LocalKafka;
import dev.newsroom.local.LocalPostgres;

/** Kafka and PostgreSQL in containers, for machines with a Docker engine. */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class ContainerInfrastructure implements Infrastructure {

    private static final String KAFKA_IMAGE = "apache/kafka:4.1.2";
    private static final String POSTGRES_IMAGE = "postgres:15-alpine";

    private final KafkaContainer kafka;
    private final PostgreSQLContainer postgres;

    @SuppressWarnings("resource") // stopped by stop(), from the JVM's shutdown hook
    static ContainerInfrastructure start() {
        var kafka = new KafkaContainer(KAFKA_IMAGE).withEnv("KAFKA_AUTO_CREATE_TOPICS_ENABLE", "false");
        var postgres = new PostgreSQLContainer(POSTGRES_IMAGE).withDatabaseName(LocalPostgres.DATABASE);
        kafka.start();
        postgres.start();
        LocalKafka.TopicPlan.createAll(kafka.getBootstrapServers());
        return new ContainerInfrastructure(kafka, postgres);
    }

    @Override
    public Endpoints endpoints() {
        return new Endpoints(kafka.getBootstrapServers(), postgres.getJdbcUrl(), postgres.getUsername(),
                postgres.getPassword());
    }

    @Override
    public Outage kafkaOutage() {
        // Pausing keeps the mapped port, so clients reconnect to the same address afterwards.
        var docker = DockerClientFactory.instance().client();
        docker.pauseContainerCmd(kafka.getContainerId()).exec();
        return () -> docker.unpauseContainerCmd(kafka.getContainerId()).exec();
    }

    @Override
    public Outage databaseFreeze() {
        var docker = DockerClientFactory.instance().client();
        docker.pauseContainerCmd(postgres.getContainerId()).exec();
        return () -> docker.unpauseContainerCmd(postgres.getContainerId()).exec();
    }

    @Override
    public void stop() {
        kafka.stop();
        postgres.stop();
    }
}
