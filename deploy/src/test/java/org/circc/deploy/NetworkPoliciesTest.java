package org.circc.deploy;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.strimzi.api.kafka.model.kafka.Kafka;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Only the gateway reaches the services; only a service (and its operator) reaches its database; only services Kafka. */
class NetworkPoliciesTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    private static final Map<String, String> GATEWAY = Map.of("app.kubernetes.io/name", "gateway");
    private static final Map<String, String> MONITORING = Map.of("kubernetes.io/metadata.name", "monitoring");
    private static final Map<String, String> CNPG_OPERATOR = Map.of("kubernetes.io/metadata.name", "cnpg-system");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void ingressIsDeniedUnlessAllowed(String overlay) {
        assertThat(policies(overlay)).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aServiceIsReachedOnlyByTheGatewayAndPrometheus(String overlay) {
        for (String service : Applications.SERVICES) {
            List<NetworkPolicyPeer> peers = peersOf(overlay, podLabels(overlay, service));
            assertThat(peers).as("who reaches %s", service).isNotEmpty().allSatisfy(peer -> {
                if (peer.getNamespaceSelector() != null) {
                    assertThat(peer.getNamespaceSelector().getMatchLabels()).isEqualTo(MONITORING);
                    assertThat(peer.getPodSelector()).isNull();
                } else {
                    assertThat(peer.getPodSelector().getMatchLabels()).isEqualTo(GATEWAY);
                }
            });
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aDatabaseIsReachedOnlyByItsServiceItsOwnInstancesAndItsOperator(String overlay) {
        for (String service : Applications.SERVICES) {
            Map<String, String> instance = Map.of("cnpg.io/cluster", "circc-" + service + "-db");
            List<NetworkPolicyPeer> peers = peersOf(overlay, instance);
            assertThat(peers).as("who reaches the database of %s", service).isNotEmpty().allSatisfy(peer -> {
                if (peer.getNamespaceSelector() != null) {
                    assertThat(peer.getNamespaceSelector().getMatchLabels()).isEqualTo(CNPG_OPERATOR);
                } else {
                    assertThat(peer.getPodSelector().getMatchLabels())
                            .isIn(Map.of("app.kubernetes.io/name", service), instance);
                }
            });
        }
        List<NetworkPolicyPeer> mongo = peersOf(overlay, Map.of("app", "circc-timeline-mongodb-svc"));
        assertThat(mongo).extracting(peer -> peer.getPodSelector().getMatchLabels()).containsExactlyInAnyOrder(
                Map.of("app.kubernetes.io/name", "timeline"),
                Map.of("app", "circc-timeline-mongodb-svc"),
                Map.of("name", "mongodb-kubernetes-operator"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theKafkaListenerAdmitsOnlyTheServices(String overlay) {
        Kafka kafka = Kustomize.render(overlay).named("Kafka", "circc-kafka", Kafka.class);
        assertThat(kafka.getSpec().getKafka().getListeners()).allSatisfy(listener ->
                assertThat(listener.getNetworkPolicyPeers()).singleElement().satisfies(peer -> {
                    assertThat(peer.getNamespaceSelector()).isNull();
                    assertThat(peer.getPodSelector().getMatchLabels())
                            .containsEntry("app.kubernetes.io/component", "service")
                            .containsEntry("app.kubernetes.io/part-of", "circc");
                }));
        assertThat(podLabels(overlay, "gateway")).doesNotContainEntry("app.kubernetes.io/component", "service");
    }

    /** The peers of every ingress rule of every policy that selects pods with these labels. */
    private static List<NetworkPolicyPeer> peersOf(String overlay, Map<String, String> podLabels) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (NetworkPolicy policy : policies(overlay)) {
            if (!selects(policy.getSpec().getPodSelector(), podLabels)) {
                continue;
            }
            for (NetworkPolicyIngressRule rule : policy.getSpec().getIngress()) {
                assertThat(rule.getFrom()).as("%s admits everyone", policy.getMetadata().getName()).isNotEmpty();
                peers.addAll(rule.getFrom());
            }
        }
        return peers;
    }

    private static boolean selects(LabelSelector selector, Map<String, String> labels) {
        assertThat(selector.getMatchExpressions()).isNullOrEmpty();
        Map<String, String> required = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(required.entrySet());
    }

    private static Map<String, String> podLabels(String overlay, String application) {
        return WorkloadsTest.deployment(overlay, application).getSpec().getTemplate().getMetadata().getLabels();
    }

    private static List<NetworkPolicy> policies(String overlay) {
        return Kustomize.render(overlay).ofKind("NetworkPolicy", NetworkPolicy.class);
    }
}
