package org.circc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The validation the overlays pass would catch what the API server or an operator would drop or refuse. */
class ModelsTest {

    private static final YAMLMapper YAML = new YAMLMapper();

    @Test
    void aMisspeltFieldDeepInADeploymentIsFound() throws Exception {
        JsonNode deployment = YAML.readTree("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: x}
                spec:
                  selector: {matchLabels: {app: x}}
                  template:
                    metadata: {labels: {app: x}}
                    spec:
                      containers:
                        - name: x
                          image: x:1
                          readinessprobe: {httpGet: {path: /, port: 80}}
                """);

        assertThat(Models.problems(deployment))
                .containsExactly(".spec.template.spec.containers[0] has unknown [readinessprobe]");
    }

    @Test
    void aStrimziTopicWithAFieldItDoesNotHaveIsFound() throws Exception {
        JsonNode topic = YAML.readTree("""
                apiVersion: kafka.strimzi.io/v1beta2
                kind: KafkaTopic
                metadata: {name: t}
                spec: {partitions: 3, replicas: 3, replicationFactor: 3}
                """);

        assertThat(Models.problems(topic)).containsExactly(".spec has unknown [replicationFactor]");
    }

    @Test
    void aCloudNativePgClusterIsCheckedAgainstItsSchema() throws Exception {
        JsonNode cluster = YAML.readTree("""
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata: {name: db}
                spec:
                  instance: 3
                  storage: {size: 1Gi}
                """);

        assertThat(Models.problems(cluster)).isNotEmpty()
                .anySatisfy(problem -> assertThat(problem).contains("instance"));
    }

    @Test
    void aResourceWithoutAModelIsAProblem() throws Exception {
        JsonNode unknown = YAML.readTree("""
                apiVersion: example.org/v1
                kind: Widget
                metadata: {name: w}
                """);

        assertThat(Models.problems(unknown)).containsExactly("no model for example.org/v1/Widget");
    }

    @Test
    void aValidObjectHasNoProblem() throws Exception {
        JsonNode service = YAML.readTree("""
                apiVersion: v1
                kind: Service
                metadata: {name: s}
                spec:
                  selector: {app: s}
                  ports: [{name: http, port: 80, targetPort: http}]
                """);

        assertThat(Models.problems(service)).isEmpty();
    }
}
