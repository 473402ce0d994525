package org.circc.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model every rendered object must fit: the Kubernetes API's (fabric8), Strimzi's own Java model, or, for
 * operators without one, the closed JSON Schema of the fields k8s/ uses (src/test/resources/crd-schemas).
 */
final class Models {

    /** apiVersion/kind → the Java model of the resource. */
    static final Map<String, Class<?>> JAVA = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/v1beta2/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/v1beta2/KafkaTopic", KafkaTopic.class));

    /** apiVersion/kind → the schema file of the resource. */
    static final Map<String, String> SCHEMAS = Map.of(
            "postgresql.cnpg.io/v1/Cluster", "cnpg-cluster.yaml",
            "postgresql.cnpg.io/v1/ScheduledBackup", "cnpg-scheduledbackup.yaml",
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", "mongodbcommunity.yaml");

    private static final JsonSchemaFactory SCHEMA_FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);
    private static final YAMLMapper YAML = new YAMLMapper();

    private Models() {
    }

    static String typeOf(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** What is wrong with the object: fields its model does not have, schema violations; empty if nothing. */
    static List<String> problems(JsonNode object) {
        String type = typeOf(object);
        if (JAVA.containsKey(type)) {
            return unknownFields(Kustomize.Rendered.as(object, JAVA.get(type)));
        }
        if (SCHEMAS.containsKey(type)) {
            return schema(SCHEMAS.get(type)).validate(object).stream().map(ValidationMessage::getMessage).toList();
        }
        return List.of("no model for " + type);
    }

    private static JsonSchema schema(String file) {
        try (InputStream in = Models.class.getResourceAsStream("/crd-schemas/" + file)) {
            return SCHEMA_FACTORY.getSchema(YAML.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The models keep what they do not know in {@code additionalProperties} (so the API server would drop it or
     * refuse it): every such entry anywhere in the object is a field the resource does not have.
     */
    static List<String> unknownFields(Object model) {
        List<String> found = new ArrayList<>();
        walk(model, "", found, Collections.newSetFromMap(new IdentityHashMap<>()));
        return found;
    }

    private static void walk(Object value, String path, List<String> found, Set<Object> seen) {
        if (value == null || value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || !seen.add(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, entry) -> walk(entry, path + "." + key, found, seen));
            return;
        }
        if (value instanceof Collection<?> collection) {
            int index = 0;
            for (Object element : collection) {
                walk(element, path + "[" + index++ + "]", found, seen);
            }
            return;
        }
        String owner = value.getClass().getPackageName();
        if (!owner.startsWith("io.fabric8.") && !owner.startsWith("io.strimzi.")) {
            return;
        }
        for (Method getter : getters(value.getClass())) {
            Object property = invoke(getter, value);
            if ("getAdditionalProperties".equals(getter.getName())) {
                if (property instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    found.add((path.isEmpty() ? "." : path) + " has unknown " + new TreeSet<>(extra.keySet()));
                }
            } else {
                walk(property, path + "." + propertyName(getter), found, seen);
            }
        }
    }

    private static List<Method> getters(Class<?> type) {
        return java.util.Arrays.stream(type.getMethods())
                .filter(method -> method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers()))
                .filter(method -> method.getDeclaringClass() != Object.class)
                .filter(method -> method.getName().startsWith("get") && method.getName().length() > 3)
                .toList();
    }

    private static String propertyName(Method getter) {
        String name = getter.getName().substring(3);
        return Character.toLowerCase(name.charAt(0)) + name.substring(1);
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read " + getter, e);
        }
    }
}
