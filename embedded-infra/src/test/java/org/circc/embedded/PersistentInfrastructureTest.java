package org.circc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The "data kept across restarts" guarantee of a data directory: a row, a Kafka record and offset, a document. */
class PersistentInfrastructureTest {

    private static final Map<String, String> NO_EXTERNAL_SERVERS = Map.of();
    private static final String TOPIC = "circc.incident-events";

    @TempDir
    Path dataDirectory;

    @Test
    void dataSurvivesARestartOnTheSameDirectory() throws Exception {
        InfrastructureOptions options = new InfrastructureOptions(dataDirectory, TestClients.freePort(),
                TestClients.freePort(), TestClients.freePort(), TestClients.freePort());
        RecordMetadata written;

        try (EmbeddedInfrastructure first = EmbeddedInfrastructure.start(options, NO_EXTERNAL_SERVERS::get)) {
            assertThat(first.jdbcUrl("intake")).isEqualTo("jdbc:postgresql://127.0.0.1:" + options.postgresPort() + "/intake");
            assertThat(first.kafkaBootstrapServers()).isEqualTo("127.0.0.1:" + options.kafkaPort());
            assertThat(first.mongoUri("circc_intake")).isEqualTo("mongodb://127.0.0.1:" + options.mongoPort() + "/circc_intake");
            assertThat(first.smtpPort()).isEqualTo(options.smtpPort());

            try (Connection connection = TestClients.jdbc(first, "intake"); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE incident (id text PRIMARY KEY, title text NOT NULL)");
                statement.execute("INSERT INTO incident VALUES ('i-1', 'ransomware at a utility')");
            }
            written = TestClients.send(first.kafkaBootstrapServers(), TOPIC, "i-1", "IncidentReported");
            try (KafkaConsumer<String, String> consumer = TestClients.consumer(first.kafkaBootstrapServers(), "timeline")) {
                assertThat(TestClients.consume(consumer, TOPIC, 1)).hasSize(1);
                consumer.commitSync();
            }
            try (MongoClient client = TestClients.mongo(first, "circc_timeline")) {
                client.getDatabase("circc_timeline").getCollection("timelines")
                        .insertOne(new Document("_id", "i-1").append("entries", List.of("reported")));
            }
        }

        assertThat(dataDirectory.resolve("postgres/PG_VERSION")).exists();
        assertThat(dataDirectory.resolve("kafka/meta.properties")).exists();
        assertThat(dataDirectory.resolve("mongo.mv")).exists();
        String clusterId = Files.readAllLines(dataDirectory.resolve("kafka/meta.properties")).stream()
                .filter(line -> line.startsWith("cluster.id=")).findFirst().orElseThrow();

        try (EmbeddedInfrastructure second = EmbeddedInfrastructure.start(options, NO_EXTERNAL_SERVERS::get)) {
            try (Connection connection = TestClients.jdbc(second, "intake");
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT title FROM incident WHERE id = 'i-1'")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("ransomware at a utility");
            }

            // the same cluster, not a freshly formatted one
            assertThat(Files.readAllLines(dataDirectory.resolve("kafka/meta.properties"))).contains(clusterId);
            try (KafkaConsumer<String, String> replay = TestClients.consumer(second.kafkaBootstrapServers(), "replay")) {
                List<ConsumerRecord<String, String>> records = TestClients.consume(replay, TOPIC, 1);
                assertThat(records).singleElement().satisfies(record -> {
                    assertThat(record.key()).isEqualTo("i-1");
                    assertThat(record.value()).isEqualTo("IncidentReported");
                    assertThat(record.partition()).isEqualTo(written.partition());
                    assertThat(record.offset()).isEqualTo(written.offset());
                });
            }
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, second.kafkaBootstrapServers()))) {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets("timeline").partitionsToOffsetAndMetadata().get();
                assertThat(committed.get(new TopicPartition(TOPIC, written.partition())).offset())
                        .as("the consumer group's committed offset survived too").isEqualTo(written.offset() + 1);
                assertThat(admin.describeTopics(Set.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions())
                        .hasSize(EmbeddedInfrastructure.KAFKA_PARTITIONS);
            }

            try (MongoClient client = TestClients.mongo(second, "circc_timeline")) {
                MongoCollection<Document> timelines = client.getDatabase("circc_timeline").getCollection("timelines");
                Document read = timelines.find(new Document("_id", "i-1")).first();
                assertThat(read).isNotNull();
                assertThat(read.getList("entries", String.class)).containsExactly("reported");
            }
        }
    }

    @Test
    void closeStopsEverythingAndKeepsTheDirectory() throws Exception {
        InfrastructureOptions options = new InfrastructureOptions(dataDirectory, 0, 0, 0, 0);
        EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(options, NO_EXTERNAL_SERVERS::get);
        String jdbcUrl = infrastructure.jdbcUrl("escalation");

        infrastructure.close();
        infrastructure.close();

        assertThat(dataDirectory).isDirectory();
        assertThat(dataDirectory.resolve("postgres")).isDirectory();
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrl, "postgres", "")).isInstanceOf(SQLException.class);
        assertThatThrownBy(() -> infrastructure.jdbcUrl("escalation")).isInstanceOf(IllegalStateException.class);
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000, AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 1000))) {
            assertThat(admin.describeCluster().nodes()).failsWithin(Duration.ofSeconds(10));
        }
    }

    @Test
    void ephemeralInstanceDeletesItsTemporaryDirectoryOnClose() throws Exception {
        Path temporary;
        try (EmbeddedInfrastructure infrastructure = EmbeddedInfrastructure.start(InfrastructureOptions.ephemeral(),
                NO_EXTERNAL_SERVERS::get)) {
            try (Connection connection = TestClients.jdbc(infrastructure, "notification")) {
                assertThat(connection.isValid(5)).isTrue();
            }
            temporary = tempRootOf(infrastructure);
            assertThat(temporary.resolve("postgres")).isDirectory();
        }
        assertThat(temporary).doesNotExist();
    }

    private static Path tempRootOf(EmbeddedInfrastructure infrastructure) throws Exception {
        try (Connection connection = TestClients.jdbc(infrastructure, "notification");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW data_directory")) {
            rows.next();
            return Path.of(rows.getString(1)).getParent();
        }
    }
}
