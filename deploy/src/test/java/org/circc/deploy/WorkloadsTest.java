package org.circc.deploy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Every application runs hardened, probed, bounded, reachable on its own port, and survives disruptions. */
class WorkloadsTest {

    static final List<String> OVERLAYS = Kustomize.OVERLAYS;
    private static final Set<String> AUTOSCALED = Set.of("gateway", "intake", "triage");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyApplicationHasOneDeployment(String overlay) {
        assertThat(Kustomize.render(overlay).ofKind("Deployment", Deployment.class))
                .extracting(deployment -> deployment.getMetadata().getName())
                .containsExactlyInAnyOrderElementsOf(Applications.ALL.stream().map(name -> "circc-" + name).toList());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void podsRunAsNonRootOnAReadOnlyRootWithoutPrivileges(String overlay) {
        for (Deployment deployment : Kustomize.render(overlay).ofKind("Deployment", Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
            assertThat(pod.getSecurityContext().getRunAsUser()).isPositive();
            assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
            assertThat(pod.getAutomountServiceAccountToken()).isFalse();
            assertThat(pod.getContainers()).allSatisfy(container -> {
                assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
                assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
                assertThat(container.getSecurityContext().getPrivileged()).isFalse();
                assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
                assertThat(container.getVolumeMounts()).anySatisfy(mount -> assertThat(mount.getMountPath()).isEqualTo("/tmp"));
            });
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void probesUseTheActuatorHealthGroupsOnTheApplicationsPort(String overlay) {
        for (String application : Applications.ALL) {
            Container container = container(overlay, application);
            assertThat(container.getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getContainerPort()).as("%s's server.port", application)
                        .isEqualTo(Applications.port(application));
            });
            assertProbe(container.getStartupProbe(), "/actuator/health/liveness");
            assertProbe(container.getLivenessProbe(), "/actuator/health/liveness");
            assertProbe(container.getReadinessProbe(), "/actuator/health/readiness");
            // a slow start (Flyway, Kafka bindings) is the startup probe's to wait for, not the liveness probe's
            assertThat(container.getStartupProbe().getPeriodSeconds() * container.getStartupProbe().getFailureThreshold())
                    .isGreaterThanOrEqualTo(120);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerRequestsAndIsLimitedInCpuAndMemory(String overlay) {
        for (String application : Applications.ALL) {
            Map<String, Quantity> requests = container(overlay, application).getResources().getRequests();
            Map<String, Quantity> limits = container(overlay, application).getResources().getLimits();
            assertThat(requests).containsOnlyKeys("cpu", "memory");
            assertThat(limits).containsOnlyKeys("cpu", "memory");
            // the JVM sizes its heap from the limit: a request below it would let the node take memory back
            assertThat(requests.get("memory").getNumericalAmount()).isEqualByComparingTo(limits.get("memory").getNumericalAmount());
            assertThat(requests.get("cpu").getNumericalAmount()).isLessThanOrEqualTo(limits.get("cpu").getNumericalAmount());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void imagesAreTheApplicationsOwnWithATag(String overlay) {
        for (String application : Applications.ALL) {
            assertThat(container(overlay, application).getImage())
                    .matches(".+/circc-" + application + ":[\\w.-]+")
                    .doesNotEndWith(":latest");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyApplicationHasAServiceOnItsPortAndADisruptionBudget(String overlay) {
        Kustomize.Rendered rendered = Kustomize.render(overlay);
        for (String application : Applications.ALL) {
            Map<String, String> podLabels = deployment(overlay, application).getSpec().getTemplate().getMetadata().getLabels();
            Service service = rendered.named("Service", "circc-" + application, Service.class);
            assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getPort()).isEqualTo(Applications.port(application));
                assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
            PodDisruptionBudget budget = rendered.named("PodDisruptionBudget", "circc-" + application, PodDisruptionBudget.class);
            assertThat(podLabels).containsAllEntriesOf(budget.getSpec().getSelector().getMatchLabels());
            assertThat(budget.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theGatewayIntakeAndTriageScaleHorizontallyAndOnlyThey(String overlay) {
        List<HorizontalPodAutoscaler> autoscalers = Kustomize.render(overlay).ofKind("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        assertThat(autoscalers).extracting(hpa -> hpa.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrder("circc-gateway", "circc-intake", "circc-triage");
        for (HorizontalPodAutoscaler autoscaler : autoscalers) {
            assertThat(autoscaler.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(autoscaler.getSpec().getMinReplicas()).isPositive()
                    .isLessThanOrEqualTo(autoscaler.getSpec().getMaxReplicas());
            // consumers past the partition count would sit idle
            assertThat(autoscaler.getSpec().getMaxReplicas()).isLessThanOrEqualTo(partitions(overlay));
        }
        // an applied replica count would fight the autoscaler on every deployment
        for (String application : Applications.ALL) {
            if (AUTOSCALED.contains(application)) {
                assertThat(deployment(overlay, application).getSpec().getReplicas()).isNull();
            } else {
                assertThat(deployment(overlay, application).getSpec().getReplicas()).isPositive();
            }
        }
    }

    @Test
    void productionRunsAtLeastTwoOfEveryApplicationThatCanShareItsWork() {
        String overlay = "production";
        Map<String, Integer> minimum = Kustomize.render(overlay).ofKind("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class)
                .stream().collect(Collectors.toMap(hpa -> hpa.getSpec().getScaleTargetRef().getName(), hpa -> hpa.getSpec().getMinReplicas()));
        assertThat(minimum).allSatisfy((name, replicas) -> assertThat(replicas).isGreaterThanOrEqualTo(2));
        assertThat(deployment(overlay, "escalation").getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        assertThat(deployment(overlay, "timeline").getSpec().getReplicas()).isGreaterThanOrEqualTo(2);
        // its event stream reaches only the connections of the instance that delivers (docs/notification.md)
        assertThat(deployment(overlay, "notification").getSpec().getReplicas()).isEqualTo(1);
    }

    private static void assertProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    private static int partitions(String overlay) {
        return Kustomize.render(overlay).ofKind("KafkaTopic").stream()
                .mapToInt(topic -> topic.path("spec").path("partitions").asInt()).min().orElseThrow();
    }

    static Deployment deployment(String overlay, String application) {
        return Kustomize.render(overlay).named("Deployment", "circc-" + application, Deployment.class);
    }

    static Container container(String overlay, String application) {
        List<Container> containers = deployment(overlay, application).getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }
}
