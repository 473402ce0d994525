package org.circc.timeline.query;

import org.circc.contracts.Observable;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.IncidentStatus;
import org.circc.platform.config.PlatformJacksonConfiguration;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An incident as a STIX 2.1 bundle: the center's and the reporter's identities, the incident with the incident core
 * extension, its observables as cyber-observable objects with the observed-data that saw them, an indicator per
 * observable, the relationships between them, and the TLP 2.0 marking definition every object carries. Ids are
 * deterministic (UUID v5, SCOs by STIX's own namespace and contributing properties), so exporting twice gives the
 * same objects.
 */
public final class StixBundle {

    public static final String MEDIA_TYPE = "application/stix+json;version=2.1";
    static final String INCIDENT_EXTENSION = "extension-definition--ef765651-680c-498d-9894-99799f2fa126";
    static final String TLP2_EXTENSION = "extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d";
    private static final String TLP2_CREATED = "2022-10-01T00:00:00.000Z";
    private static final UUID SCO_NAMESPACE = UUID.fromString("00abedb4-aa42-466c-9c01-fed23315a9b7");
    /** CIRCC's own namespace for the ids of the objects it derives (identities, indicators, relationships). */
    private static final UUID CIRCC_NAMESPACE = UUID.fromString("6f1d3c2a-8a47-5b8e-9c3d-1f0e2d4c6b8a");
    private static final Map<Tlp, String> TLP2_MARKINGS = Map.of(
            Tlp.CLEAR, "marking-definition--94868c89-83c2-464b-929b-a1a8aa3c8487",
            Tlp.GREEN, "marking-definition--bab4a63c-aed9-4cf5-a766-dfca5abac2bb",
            Tlp.AMBER, "marking-definition--55d920b0-5e8b-4f79-9ee9-91f868d9b421",
            Tlp.AMBER_STRICT, "marking-definition--939a9414-2ddd-4d32-a0cd-375ea402b003",
            Tlp.RED, "marking-definition--e828b379-4e03-4974-9ac4-e53a884c97c1");

    private StixBundle() {
    }

    public static Map<String, Object> of(IncidentView incident) {
        String marking = TLP2_MARKINGS.get(incident.tlp());
        List<String> markings = List.of(marking);
        String created = time(incident.reportedAt());
        String modified = time(incident.updatedAt());
        List<Map<String, Object>> objects = new ArrayList<>();
        objects.add(marking(incident.tlp(), marking));

        Map<String, Object> center = sdo("identity", derivedId("identity", "organisation:circc"), created, created, markings);
        center.put("name", "CIRCC coordination center");
        center.put("identity_class", "organization");
        objects.add(center);
        Map<String, Object> reporter = sdo("identity", derivedId("identity", "organisation:" + incident.reporterOrg()),
                created, created, markings);
        reporter.put("name", incident.reporterOrg());
        reporter.put("identity_class", "organization");
        objects.add(reporter);

        String incidentId = "incident--" + incident.incidentId();
        Map<String, Object> stixIncident = sdo("incident", incidentId, created, modified, markings);
        stixIncident.put("created_by_ref", center.get("id"));
        stixIncident.put("name", incident.title());
        if (incident.description() != null && !incident.description().isEmpty()) {
            stixIncident.put("description", incident.description());
        }
        stixIncident.put("labels", List.of(incident.category().slug(), incident.sector().slug()));
        stixIncident.put("extensions", Map.of(INCIDENT_EXTENSION, incidentExtension(incident)));
        objects.add(stixIncident);
        objects.add(relationship(incidentId, "related-to", (String) reporter.get("id"), created, markings));

        List<String> observableIds = new ArrayList<>();
        for (Observable observable : incident.observables()) {
            Map<String, Object> sco = sco(observable, markings);
            observableIds.add((String) sco.get("id"));
            objects.add(sco);
        }
        if (!observableIds.isEmpty()) {
            String observedId = derivedId("observed-data", incident.incidentId() + ":observed");
            Map<String, Object> observed = sdo("observed-data", observedId, created, modified, markings);
            observed.put("created_by_ref", reporter.get("id"));
            observed.put("first_observed", time(incident.detectedAt()));
            observed.put("last_observed", time(incident.updatedAt()));
            observed.put("number_observed", 1);
            observed.put("object_refs", observableIds);
            objects.add(observed);
            objects.add(relationship(incidentId, "related-to", observedId, created, markings));
            for (Observable observable : incident.observables()) {
                String indicatorId = derivedId("indicator", incident.incidentId() + ":" + observable);
                Map<String, Object> indicator = sdo("indicator", indicatorId, created, created, markings);
                indicator.put("created_by_ref", center.get("id"));
                indicator.put("name", observable.type().description() + " " + observable.value());
                indicator.put("indicator_types", List.of("malicious-activity"));
                indicator.put("pattern", pattern(observable));
                indicator.put("pattern_type", "stix");
                indicator.put("valid_from", created);
                objects.add(indicator);
                objects.add(relationship(indicatorId, "based-on", observedId, created, markings));
                objects.add(relationship(indicatorId, "indicates", incidentId, created, markings));
            }
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("type", "bundle");
        bundle.put("id", "bundle--" + UUID.randomUUID());
        bundle.put("objects", objects);
        return bundle;
    }

    /** The incident core extension's properties (criticality 0–100 from the severity level, NCISS recoverability). */
    private static Map<String, Object> incidentExtension(IncidentView incident) {
        Map<String, Object> extension = new LinkedHashMap<>();
        extension.put("extension_type", "property-extension");
        if (incident.severity() != null) {
            extension.put("criticality", incident.severity().level() * 20);
        }
        extension.put("determination", switch (incident.status()) {
            case WITHDRAWN -> "confirmed-false-positive";
            case CONTAINED, RESOLVED, CLOSED -> "confirmed-true-positive";
            default -> "suspected";
        });
        extension.put("investigation_status", incident.status() == IncidentStatus.REPORTED ? "new"
                : incident.status() == IncidentStatus.CLOSED || incident.status() == IncidentStatus.WITHDRAWN ? "closed"
                : "open");
        extension.put("recoverability", incident.impact().recoverability().slug());
        extension.put("first_seen", time(incident.detectedAt()));
        return extension;
    }

    private static Map<String, Object> marking(Tlp tlp, String id) {
        Map<String, Object> marking = new LinkedHashMap<>();
        marking.put("type", "marking-definition");
        marking.put("spec_version", "2.1");
        marking.put("id", id);
        marking.put("created", TLP2_CREATED);
        marking.put("name", tlp.label());
        marking.put("extensions", Map.of(TLP2_EXTENSION, Map.of(
                "extension_type", "property-extension",
                "tlp_2_0", tlp.label().substring("TLP:".length()).toLowerCase(Locale.ROOT))));
        return marking;
    }

    private static Map<String, Object> sdo(String type, String id, String created, String modified, List<String> markings) {
        Map<String, Object> sdo = new LinkedHashMap<>();
        sdo.put("type", type);
        sdo.put("spec_version", "2.1");
        sdo.put("id", id);
        sdo.put("created", created);
        sdo.put("modified", modified);
        sdo.put("object_marking_refs", markings);
        return sdo;
    }

    private static Map<String, Object> relationship(String source, String type, String target, String created,
                                                    List<String> markings) {
        Map<String, Object> relationship = sdo("relationship",
                derivedId("relationship", source + " " + type + " " + target), created, created, markings);
        relationship.put("relationship_type", type);
        relationship.put("source_ref", source);
        relationship.put("target_ref", target);
        return relationship;
    }

    /** A cyber-observable object; its id is STIX's UUID v5 over its id-contributing properties. */
    private static Map<String, Object> sco(Observable observable, List<String> markings) {
        String type = scoType(observable);
        String property;
        Object value;
        String contributing;
        switch (observable.type()) {
            case SHA256, SHA1, MD5 -> {
                property = "hashes";
                value = Map.of(hashAlgorithm(observable), observable.value());
                contributing = "{\"hashes\":{\"" + hashAlgorithm(observable) + "\":\"" + observable.value() + "\"}}";
            }
            case ASN -> {
                long number = Long.parseLong(observable.value().substring(2));
                property = "number";
                value = number;
                contributing = "{\"number\":" + number + "}";
            }
            default -> {
                property = "value";
                value = observable.value();
                contributing = "{\"value\":\"" + jsonEscaped(observable.value()) + "\"}";
            }
        }
        Map<String, Object> sco = new LinkedHashMap<>();
        sco.put("type", type);
        sco.put("spec_version", "2.1");
        sco.put("id", type + "--" + uuid5(SCO_NAMESPACE, contributing));
        sco.put(property, value);
        sco.put("object_marking_refs", markings);
        return sco;
    }

    static String pattern(Observable observable) {
        String value = observable.value().replace("\\", "\\\\").replace("'", "\\'");
        return switch (observable.type()) {
            case SHA256, SHA1, MD5 -> "[file:hashes.'" + hashAlgorithm(observable) + "' = '" + value + "']";
            case ASN -> "[autonomous-system:number = " + observable.value().substring(2) + "]";
            default -> "[" + scoType(observable) + ":value = '" + value + "']";
        };
    }

    private static String scoType(Observable observable) {
        return switch (observable.type()) {
            case IPV4 -> "ipv4-addr";
            case IPV6 -> "ipv6-addr";
            case DOMAIN -> "domain-name";
            case URL -> "url";
            case EMAIL -> "email-addr";
            case SHA256, SHA1, MD5 -> "file";
            case ASN -> "autonomous-system";
        };
    }

    private static String hashAlgorithm(Observable observable) {
        return switch (observable.type()) {
            case SHA256 -> "SHA-256";
            case SHA1 -> "SHA-1";
            default -> "MD5";
        };
    }

    private static String derivedId(String type, String name) {
        return type + "--" + uuid5(CIRCC_NAMESPACE, type + ":" + name);
    }

    /** RFC 4122 name-based UUID, version 5 (SHA-1). */
    static UUID uuid5(UUID namespace, String name) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                    .putLong(namespace.getLeastSignificantBits()).array());
            byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
            hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
            hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
            ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
            return new UUID(bytes.getLong(), bytes.getLong());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java runtime", e);
        }
    }

    private static String jsonEscaped(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }

    private static String time(Instant instant) {
        return PlatformJacksonConfiguration.MILLISECOND_INSTANT.format(instant);
    }
}
