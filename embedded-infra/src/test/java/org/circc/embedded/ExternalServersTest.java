package org.circc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.client.MongoClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.bson.Document;
import org.junit.jupiter.api.Test;

class ExternalServersTest {

    @Test
    void nothingNamedMeansEverythingEmbedded() {
        ExternalServers external = ExternalServers.from(Map.<String, String>of()::get);

        assertThat(external.hasPostgres()).isFalse();
        assertThat(external.hasKafka()).isFalse();
        assertThat(external.hasMongo()).isFalse();
        assertThat(external.hasSmtp()).isFalse();
    }

    @Test
    void blankValuesCountAsUnset() {
        ExternalServers external = ExternalServers.from(Map.of("CIRCC_KAFKA_BROKERS", "  ", "CIRCC_POSTGRES_URL", "")::get);

        assertThat(external.hasKafka()).isFalse();
        assertThat(external.hasPostgres()).isFalse();
    }

    @Test
    void readsEveryVariable() {
        ExternalServers external = ExternalServers.from(Map.of(
                "CIRCC_POSTGRES_URL", "jdbc:postgresql://db:5432/",
                "CIRCC_POSTGRES_USER", "circc",
                "CIRCC_POSTGRES_PASSWORD", "secret",
                "CIRCC_KAFKA_BROKERS", "kafka-0:9092,kafka-1:9092",
                "CIRCC_MONGODB_URI", "mongodb://mongo:27017",
                "CIRCC_SMTP_HOST", "mail",
                "CIRCC_SMTP_PORT", "2525")::get);

        assertThat(external).isEqualTo(new ExternalServers("jdbc:postgresql://db:5432/", "circc", "secret",
                "kafka-0:9092,kafka-1:9092", "mongodb://mongo:27017", "mail", 2525));
    }

    @Test
    void defaultsForUserPasswordAndSmtpPort() {
        ExternalServers external = ExternalServers.from(Map.of(
                "CIRCC_POSTGRES_URL", "jdbc:postgresql://db:5432/", "CIRCC_SMTP_HOST", "mail")::get);

        assertThat(external.postgresUser()).isEqualTo("postgres");
        assertThat(external.postgresPassword()).isEmpty();
        assertThat(external.smtpPort()).isEqualTo(25);
    }

    @Test
    void rejectsMalformedValues() {
        assertThatThrownBy(() -> ExternalServers.from(Map.of("CIRCC_POSTGRES_URL", "postgres://db")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CIRCC_POSTGRES_URL");
        assertThatThrownBy(() -> ExternalServers.from(Map.of("CIRCC_MONGODB_URI", "mongo:27017")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CIRCC_MONGODB_URI");
        assertThatThrownBy(() -> ExternalServers.from(Map.of("CIRCC_SMTP_HOST", "mail", "CIRCC_SMTP_PORT", "smtp")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CIRCC_SMTP_PORT");
    }

    @Test
    void namedKafkaIsUsedInsteadOfStartingABroker() throws Exception {
        EmbeddedInfrastructure shared = EmbeddedInfrastructure.shared();
        Map<String, String> env = Map.of("CIRCC_KAFKA_BROKERS", shared.kafkaBootstrapServers());

        try (EmbeddedInfrastructure second = EmbeddedInfrastructure.start(InfrastructureOptions.ephemeral(), env::get)) {
            assertThat(second.isEmbeddedKafka()).isFalse();
            assertThat(second.kafkaBootstrapServers()).isEqualTo(shared.kafkaBootstrapServers());
            assertThat(second.isEmbeddedPostgres()).isTrue();
            assertThat(second.isEmbeddedMongo()).isTrue();
            assertThat(second.isEmbeddedSmtp()).isTrue();

            String topic = "circc.external-check-" + System.nanoTime();
            TestClients.send(second.kafkaBootstrapServers(), topic, "k", "through the named broker");
            try (KafkaConsumer<String, String> consumer = TestClients.consumer(shared.kafkaBootstrapServers(), "external-check")) {
                assertThat(TestClients.consume(consumer, topic, 1)).extracting(record -> record.value())
                        .containsExactly("through the named broker");
            }
        }
    }

    @Test
    void everythingNamedStartsNothingAndUsesTheNamedServers() throws Exception {
        EmbeddedInfrastructure shared = EmbeddedInfrastructure.shared();
        String jdbcBase = shared.jdbcUrl("postgres").replaceFirst("postgres$", "");
        String mongoBase = shared.mongoUri("x").replaceFirst("/x$", "");
        Map<String, String> env = Map.of(
                "CIRCC_POSTGRES_URL", jdbcBase,
                "CIRCC_POSTGRES_USER", shared.jdbcUsername(),
                "CIRCC_POSTGRES_PASSWORD", shared.jdbcPassword(),
                "CIRCC_KAFKA_BROKERS", shared.kafkaBootstrapServers(),
                "CIRCC_MONGODB_URI", mongoBase,
                "CIRCC_SMTP_HOST", shared.smtpHost(),
                "CIRCC_SMTP_PORT", Integer.toString(shared.smtpPort()));

        try (EmbeddedInfrastructure external = EmbeddedInfrastructure.start(InfrastructureOptions.ephemeral(), env::get)) {
            assertThat(external.isEmbeddedPostgres()).isFalse();
            assertThat(external.isEmbeddedKafka()).isFalse();
            assertThat(external.isEmbeddedMongo()).isFalse();
            assertThat(external.isEmbeddedSmtp()).isFalse();
            assertThat(external.receivedMailRecipients()).isEmpty();
            assertThat(external.springPropertiesFor("escalation")).containsEntry("spring.mail.port",
                    Integer.toString(shared.smtpPort()));

            // the database is created on the named server when missing, and what is written there is there
            String database = "external_" + System.nanoTime();
            assertThat(external.jdbcUrl(database)).isEqualTo(jdbcBase + database);
            try (Connection connection = TestClients.jdbc(external, database); Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE t (v text)");
                statement.execute("INSERT INTO t VALUES ('written via the external url')");
            }
            try (Connection connection = TestClients.jdbc(shared, database);
                 Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT v FROM t")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("written via the external url");
            }

            try (MongoClient client = TestClients.mongo(external, "circc_external")) {
                client.getDatabase("circc_external").getCollection("c").insertOne(new Document("_id", database));
            }
            try (MongoClient client = TestClients.mongo(shared, "circc_external")) {
                assertThat(client.getDatabase("circc_external").getCollection("c").find(new Document("_id", database)).first())
                        .isNotNull();
            }
        }
        assertThat(shared.jdbcUrl("postgres")).isNotBlank();
        assertThat(List.of(shared.kafkaBootstrapServers())).allMatch(servers -> servers.startsWith("127.0.0.1:"));
    }
}
