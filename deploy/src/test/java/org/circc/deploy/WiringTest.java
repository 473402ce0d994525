package org.circc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Each application gets its engines' addresses from ConfigMaps and their credentials from the operators' Secrets. */
class WiringTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceReadsItsOwnDatabaseWithTheCredentialsCloudNativePgGenerates(String overlay) {
        for (String service : Applications.SERVICES) {
            JsonNode cluster = named(overlay, "Cluster", "circc-" + service + "-db");
            JsonNode initdb = cluster.path("spec").path("bootstrap").path("initdb");
            assertThat(initdb.path("database").asText()).isEqualTo(service);

            assertThat(settings(overlay, service)).containsEntry("SPRING_DATASOURCE_URL",
                    "jdbc:postgresql://circc-" + service + "-db-rw:5432/" + service);
            assertThat(secretKey(overlay, service, "SPRING_DATASOURCE_USERNAME"))
                    .isEqualTo("circc-" + service + "-db-app/username");
            assertThat(secretKey(overlay, service, "SPRING_DATASOURCE_PASSWORD"))
                    .isEqualTo("circc-" + service + "-db-app/password");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theTimelineReadsTheConnectionStringTheMongoDbOperatorWritesForItsUser(String overlay) {
        JsonNode user = named(overlay, "MongoDBCommunity", "circc-timeline-mongodb").path("spec").path("users").get(0);
        String database = user.path("roles").get(0).path("db").asText();

        assertThat(secretKey(overlay, "timeline", "SPRING_DATA_MONGODB_URI"))
                .isEqualTo(user.path("connectionStringSecretName").asText() + "/connectionString.standard");
        assertThat(settings(overlay, "timeline")).containsEntry("SPRING_DATA_MONGODB_DATABASE", database);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceReachesKafkaThroughTheBootstrapServiceOfThePlainListener(String overlay) {
        Kafka kafka = Kustomize.render(overlay).named("Kafka", "circc-kafka", Kafka.class);
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(listener -> "plain".equals(listener.getName())).findFirst().orElseThrow();
        for (String service : Applications.SERVICES) {
            assertThat(settings(overlay, service))
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_BROKERS", "circc-kafka-kafka-bootstrap:" + plain.getPort())
                    .containsEntry("SPRING_CLOUD_STREAM_KAFKA_BINDER_AUTO_CREATE_TOPICS", "false");
        }
        assertThat(kafka.getSpec().getKafka().getConfig()).containsEntry("auto.create.topics.enable", false);
        assertThat(kafka.getMetadata().getAnnotations())
                .containsEntry("strimzi.io/kraft", "enabled")
                .containsEntry("strimzi.io/node-pools", "enabled");
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayAndEveryServiceShareTheIdentitySigningSecret(String overlay) {
        for (String application : Applications.ALL) {
            assertThat(secretKey(overlay, application, "CIRCC_IDENTITY_SIGNING_SECRET")).isEqualTo("circc-identity/signing-secret");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayRoutesToTheServicesAndAuthenticatesWithTokensNeverWithApiKeys(String overlay) {
        Map<String, String> gateway = settings(overlay, "gateway");
        for (String service : Applications.SERVICES) {
            assertThat(gateway).containsEntry("CIRCC_GATEWAY_SERVICES_" + service.toUpperCase(),
                    "http://circc-" + service + ":" + Applications.port(service));
        }
        assertThat(gateway).containsEntry("CIRCC_GATEWAY_JWT_ENABLED", "true");
        assertThat(gateway.get("CIRCC_GATEWAY_JWT_ISSUER_URI")).startsWith("http");
        for (String application : Applications.ALL) {
            // the api keys live in the local profile only
            assertThat(settings(overlay, application)).doesNotContainKeys("SPRING_PROFILES_ACTIVE", "SPRING_PROFILES_INCLUDE")
                    .allSatisfy((name, value) -> assertThat(name).doesNotStartWith("CIRCC_GATEWAY_API_KEYS"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void notificationSendsThroughTheSitesMailRelay(String overlay) {
        Map<String, String> notification = settings(overlay, "notification");
        assertThat(notification).containsKeys("SPRING_MAIL_HOST", "SPRING_MAIL_PORT", "CIRCC_NOTIFICATION_MAIL_FROM");
        assertThat(secretKey(overlay, "notification", "SPRING_MAIL_PASSWORD")).isEqualTo("circc-smtp/password");
    }

    /** Every setting the application's container gets: its ConfigMaps, then its own env values. */
    static Map<String, String> settings(String overlay, String application) {
        Container container = WorkloadsTest.container(overlay, application);
        Map<String, String> settings = new HashMap<>();
        container.getEnvFrom().forEach(source -> {
            assertThat(source.getConfigMapRef()).as("%s reads only ConfigMaps in envFrom", application).isNotNull();
            ConfigMap configMap = Kustomize.render(overlay).named("ConfigMap", source.getConfigMapRef().getName(), ConfigMap.class);
            settings.putAll(configMap.getData());
        });
        container.getEnv().stream().filter(variable -> variable.getValue() != null)
                .forEach(variable -> settings.put(variable.getName(), variable.getValue()));
        return settings;
    }

    private static String secretKey(String overlay, String application, String variable) {
        EnvVar found = WorkloadsTest.container(overlay, application).getEnv().stream()
                .filter(env -> variable.equals(env.getName())).findFirst()
                .orElseThrow(() -> new AssertionError(application + " has no " + variable));
        SecretKeySelector selector = found.getValueFrom().getSecretKeyRef();
        return selector.getName() + "/" + selector.getKey();
    }

    private static JsonNode named(String overlay, String kind, String name) {
        return Kustomize.render(overlay).ofKind(kind).stream()
                .filter(object -> name.equals(object.path("metadata").path("name").asText()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name));
    }
}
