package org.circc.deploy;

import io.strimzi.api.kafka.model.topic.KafkaTopic;
import org.circc.contracts.events.Topics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every topic the services use is a KafkaTopic, partitioned alike with its dead letters, replicated in production. */
class KafkaTopicsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicOfTheContractsAndItsDeadLetterTopicIsAKafkaTopic(String overlay) {
        Set<String> expected = new TreeSet<>();
        contractTopics().forEach(topic -> {
            expected.add(topic);
            expected.add(Topics.deadLetterTopicOf(topic));
        });
        assertThat(topics(overlay).keySet()).containsExactlyInAnyOrderElementsOf(expected);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicABindingReadsOrDeadLettersToExists(String overlay) {
        for (String service : Applications.SERVICES) {
            assertThat(topics(overlay).keySet()).as("topics of %s", service)
                    .containsAll(Applications.topics(service));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aDeadLetterTopicHasThePartitionsOfItsTopicAndEnoughForTheBinder(String overlay) {
        Map<String, KafkaTopic> topics = topics(overlay);
        for (String topic : contractTopics()) {
            int partitions = topics.get(topic).getSpec().getPartitions();
            // circc-platform.yml: min-partition-count 4, and the binder does not add partitions in k8s
            assertThat(partitions).isGreaterThanOrEqualTo(4);
            assertThat(topics.get(Topics.deadLetterTopicOf(topic)).getSpec().getPartitions()).isEqualTo(partitions);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void productionKeepsThreeReplicasAndNeedsTwoInSync(String overlay) {
        int replicas = "production".equals(overlay) ? 3 : 1;
        assertThat(topics(overlay).values()).allSatisfy(topic -> {
            assertThat(topic.getSpec().getReplicas()).isEqualTo(replicas);
            assertThat(topic.getSpec().getConfig().get("min.insync.replicas")).isEqualTo(Math.max(1, replicas - 1));
            assertThat(topic.getMetadata().getLabels()).containsEntry("strimzi.io/cluster", "circc-kafka");
        });
        int nodes = Kustomize.render(overlay).ofKind("KafkaNodePool").stream()
                .mapToInt(pool -> pool.path("spec").path("replicas").asInt()).sum();
        assertThat(nodes).isGreaterThanOrEqualTo(replicas);
    }

    static List<String> contractTopics() {
        return Arrays.stream(Topics.class.getFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(KafkaTopicsTest::value)
                .toList();
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, KafkaTopic> topics(String overlay) {
        return Kustomize.render(overlay).ofKind("KafkaTopic", KafkaTopic.class).stream()
                .collect(Collectors.toMap(topic -> topic.getSpec().getTopicName(), Function.identity()));
    }
}
