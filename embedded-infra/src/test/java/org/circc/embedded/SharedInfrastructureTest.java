package org.circc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.Node;
import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shared infrastructure works for real: a database per service, Kafka, MongoDB, SMTP. The checks of an
 * embedded server's own settings assume that server is the embedded one and skip when an environment variable
 * names an external server instead; CI runs the embedded default (no such variables), where they always run.
 */
class SharedInfrastructureTest {

    private static EmbeddedInfrastructure infrastructure;

    @BeforeAll
    static void startShared() {
        infrastructure = EmbeddedInfrastructure.shared();
    }

    @Test
    void sharedIsOneInstancePerJvmAndIgnoresClose() {
        infrastructure.close();

        assertThat(EmbeddedInfrastructure.shared()).isSameAs(infrastructure);
        assertThat(infrastructure.jdbcUrl("shared_close_check")).isNotBlank();
    }

    @Test
    void eachServiceGetsItsOwnPostgresDatabase() throws Exception {
        String intake = "intake_" + suffix();
        String triage = "triage_" + suffix();

        try (Connection connection = TestClients.jdbc(infrastructure, intake);
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE incident (id text PRIMARY KEY, title text NOT NULL)");
            statement.execute("INSERT INTO incident VALUES ('i-1', 'phishing wave')");
            try (ResultSet rows = statement.executeQuery("SELECT title, current_database() FROM incident")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getString(1)).isEqualTo("phishing wave");
                assertThat(rows.getString(2)).isEqualTo(intake);
            }
        }
        try (Connection connection = TestClients.jdbc(infrastructure, triage);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(
                     "SELECT current_database(), to_regclass('public.incident') IS NULL")) {
            assertThat(rows.next()).isTrue();
            assertThat(rows.getString(1)).isEqualTo(triage);
            assertThat(rows.getBoolean(2)).as("intake's table is not visible in triage's database").isTrue();
        }
        assertThat(infrastructure.jdbcUrl(intake)).isNotEqualTo(infrastructure.jdbcUrl(triage));
    }

    @Test
    void embeddedPostgresIsDurableAndLoopbackOnly() throws Exception {
        assumeThat(infrastructure.isEmbeddedPostgres()).isTrue();

        assertThat(infrastructure.jdbcUrl("settings_check")).startsWith("jdbc:postgresql://127.0.0.1:").endsWith("/settings_check");
        try (Connection connection = TestClients.jdbc(infrastructure, "settings_check");
             Statement statement = connection.createStatement()) {
            assertThat(setting(statement, "synchronous_commit")).isEqualTo("on");
            assertThat(setting(statement, "fsync")).isEqualTo("on");
            assertThat(setting(statement, "max_connections")).isEqualTo("200");
            assertThat(setting(statement, "listen_addresses")).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void kafkaRecordRoundTripsThroughPlainClients() throws Exception {
        String topic = "circc.test-" + suffix();

        TestClients.send(infrastructure.kafkaBootstrapServers(), topic, "incident-1", "IncidentReported");

        try (KafkaConsumer<String, String> consumer = TestClients.consumer(infrastructure.kafkaBootstrapServers(), "g-" + suffix())) {
            List<ConsumerRecord<String, String>> records = TestClients.consume(consumer, topic, 1);
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("incident-1");
                assertThat(record.value()).isEqualTo("IncidentReported");
            });
            assertThat(consumer.partitionsFor(topic)).hasSize(EmbeddedInfrastructure.KAFKA_PARTITIONS);
        }
    }

    @Test
    void embeddedKafkaAdvertisesLoopbackOnly() throws Exception {
        assumeThat(infrastructure.isEmbeddedKafka()).isTrue();

        assertThat(infrastructure.kafkaBootstrapServers()).matches("127\\.0\\.0\\.1:\\d+");
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, infrastructure.kafkaBootstrapServers()))) {
            assertThat(admin.describeCluster().nodes().get()).extracting(Node::host).containsOnly("127.0.0.1");
        }
    }

    @Test
    void mongoDocumentRoundTrips() {
        String database = "circc_test_" + suffix();
        assertThat(infrastructure.mongoUri(database)).endsWith("/" + database);

        try (MongoClient client = TestClients.mongo(infrastructure, database)) {
            MongoCollection<Document> timelines = client.getDatabase(database).getCollection("timelines");
            timelines.insertOne(new Document("_id", "incident-1").append("entries", List.of("reported", "triaged")));

            Document read = timelines.find(new Document("_id", "incident-1")).first();

            assertThat(read).isNotNull();
            assertThat(read.getList("entries", String.class)).containsExactly("reported", "triaged");
        }
    }

    @Test
    void mailSentOverSmtpIsReceived() throws Exception {
        assumeThat(infrastructure.isEmbeddedSmtp()).isTrue();
        String to = "soc-" + suffix() + "@example.org";
        String bcc = "ciso-" + suffix() + "@example.org";
        Properties properties = new Properties();
        properties.put("mail.smtp.host", infrastructure.smtpHost());
        properties.put("mail.smtp.port", Integer.toString(infrastructure.smtpPort()));
        MimeMessage message = new MimeMessage(Session.getInstance(properties));
        message.setFrom(new InternetAddress("circc@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setRecipient(Message.RecipientType.BCC, new InternetAddress(bcc));
        message.setSubject("Escalation level 2");
        message.setText("Incident i-1 needs acknowledgement");

        Transport.send(message);

        assertThat(infrastructure.smtpHost()).isEqualTo("127.0.0.1");
        assertThat(infrastructure.receivedMailRecipients()).contains(to, bcc);
        assertThat(infrastructure.receivedMails()).filteredOn(mail -> mail.recipient().equals(to)).singleElement()
                .satisfies(mail -> {
                    assertThat(mail.from()).isEqualTo("circc@example.org");
                    assertThat(mail.subject()).isEqualTo("Escalation level 2");
                    assertThat(mail.body()).contains("Incident i-1 needs acknowledgement");
                });
    }

    @Test
    void springPropertiesPointAServiceAtItsOwnStores() throws Exception {
        Map<String, String> properties = infrastructure.springPropertiesFor("timeline");

        assertThat(properties).containsOnlyKeys("spring.datasource.url", "spring.datasource.username",
                "spring.datasource.password", "spring.cloud.stream.kafka.binder.brokers", "spring.kafka.bootstrap-servers",
                "spring.data.mongodb.uri", "spring.mail.host", "spring.mail.port");
        assertThat(properties.get("spring.datasource.url")).isEqualTo(infrastructure.jdbcUrl("timeline")).endsWith("/timeline");
        assertThat(properties.get("spring.cloud.stream.kafka.binder.brokers")).isEqualTo(infrastructure.kafkaBootstrapServers());
        assertThat(properties.get("spring.kafka.bootstrap-servers")).isEqualTo(infrastructure.kafkaBootstrapServers());
        assertThat(properties.get("spring.data.mongodb.uri")).isEqualTo(infrastructure.mongoUri("circc_timeline"));
        assertThat(properties.get("spring.mail.host")).isEqualTo(infrastructure.smtpHost());
        assertThat(properties.get("spring.mail.port")).isEqualTo(Integer.toString(infrastructure.smtpPort()));
        try (Connection connection = java.sql.DriverManager.getConnection(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password"))) {
            assertThat(connection.getCatalog()).isEqualTo("timeline");
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private static String suffix() {
        return UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
