package org.circc.contracts.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One JSON round trip per integration event of the catalogue, and the catalogue's own consistency. */
class IntegrationEventJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static final IncidentId INCIDENT = IncidentId.of("6f1c2a4e-8d3b-4c7a-9e5f-0a1b2c3d4e5f");
    private static final CampaignId CAMPAIGN = CampaignId.of("0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b");
    private static final UUID ESCALATION = CAMPAIGN.value();
    private static final UUID DELIVERY = UUID.fromString("3c2b1a09-8f7e-4d6c-9b5a-493827161504");
    private static final Instant AT = Instant.parse("2026-07-24T10:15:00.123Z");
    private static final Actor OPERATOR = Actor.principal("ops@venue-tokyo", "venue-tokyo");
    private static final StakeholderSnapshot STAKEHOLDER = new StakeholderSnapshot("rail-east-soc", "Rail East SOC",
            StakeholderKind.organisation, "rail-east", null, Tlp.AMBER, List.of("email"), List.of("railways"), 2,
            List.of());

    static List<IntegrationEvent> samples() {
        return List.of(
                new IncidentReportedEvent(INCIDENT, "DDoS on the ticketing portal", "Sustained SYN flood",
                        Category.parse("availability:ddos"), Sector.GAMES_TICKETING, Tlp.AMBER,
                        new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                        List.of("tickets.example.jp"), List.of(Observable.of(ObservableType.IPV4, "203.0.113.7")),
                        "venue-tokyo", AT.minusSeconds(300), OPERATOR, AT),
                new IncidentUpdatedEvent(INCIDENT, "second wave", List.of(Observable.of(ObservableType.DOMAIN, "evil.example")),
                        null, OPERATOR, AT),
                new IncidentStatusChangedEvent(INCIDENT, IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONTAINED,
                        "traffic scrubbed", Actor.principal("responder-1", "circc"), AT),
                new IncidentTriagedEvent(INCIDENT, CAMPAIGN, Severity.HIGH, 57.5,
                        List.of(new SeverityFactor("functional-impact", "high", 30)), Actor.system("triage"), AT),
                new CampaignSeverityChangedEvent(CAMPAIGN, INCIDENT, null, Severity.HIGH, Set.of(Sector.GAMES_TICKETING),
                        Tlp.AMBER, AT),
                new IncidentCorrelatedEvent(INCIDENT, CAMPAIGN, "observable ipv4:203.0.113.7", 2, AT),
                new IncidentSeverityOverriddenEvent(INCIDENT, CAMPAIGN, Severity.MEDIUM, Severity.HIGH, "ministry asked",
                        Actor.principal("coordinator-1", "circc"), AT),
                new CampaignMergedEvent(CAMPAIGN, CampaignId.of("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), INCIDENT,
                        List.of(IncidentId.of("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d")), AT),
                new EscalationRemindedEvent(ESCALATION, CAMPAIGN, INCIDENT, 3, List.of("duty-coordinator"),
                        AT.plusSeconds(900), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER, AT),
                new EscalationPolicySavedEvent("default", 2, Set.of("csirt-oncall", "duty-coordinator"),
                        Actor.principal("coordinator-1", "circc"), AT),
                new EscalationStartedEvent(ESCALATION, CAMPAIGN, INCIDENT, "default", 1, Severity.HIGH, AT),
                new EscalationLevelRaisedEvent(ESCALATION, CAMPAIGN, INCIDENT, 1, List.of("csirt-oncall", "responder-1"),
                        AT.plusSeconds(300), Severity.HIGH, Sector.GAMES_TICKETING, Tlp.AMBER, "severity reached", AT),
                new EscalationAcknowledgedEvent(ESCALATION, CAMPAIGN, INCIDENT, 1, "on it",
                        Actor.principal("responder-1", "circc"), AT),
                new EscalationExhaustedEvent(ESCALATION, CAMPAIGN, INCIDENT, 3, AT),
                new EscalationEndedEvent(ESCALATION, CAMPAIGN, INCIDENT, "every member resolved", AT),
                new NotificationDeliveredEvent(DELIVERY, "csirt-oncall", "email", INCIDENT, CAMPAIGN, 1, 1, true, AT),
                new NotificationFailedEvent(DELIVERY, "rail-east-soc", "webhook", INCIDENT, CAMPAIGN, 1, 2, "HTTP 503",
                        AT.plusSeconds(4), AT),
                new NotificationDeadLetteredEvent(DELIVERY, "rail-east-soc", "webhook", INCIDENT, CAMPAIGN, 1, 9,
                        "HTTP 410", AT),
                new StakeholderRegisteredEvent(STAKEHOLDER, Actor.principal("coordinator-1", "circc"), AT),
                new StakeholderChangedEvent(STAKEHOLDER, Actor.principal("coordinator-1", "circc"), AT),
                new StakeholderRemovedEvent("rail-east-soc", Actor.principal("admin", "circc"), AT));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void survivesAJsonRoundTrip(IntegrationEvent event) throws Exception {
        String json = MAPPER.writeValueAsString(event);

        assertThat(MAPPER.readValue(json, event.getClass())).isEqualTo(event);
    }

    @ParameterizedTest
    @MethodSource("samples")
    void speaksThePublicVocabulary(IntegrationEvent event) throws Exception {
        JsonNode json = MAPPER.valueToTree(event);

        assertThat(json.has("subject")).as("the subject is the record key, not a payload field").isFalse();
        assertThat(json.get("occurredAt").asText()).isEqualTo("2026-07-24T10:15:00.123Z");
        if (event instanceof IncidentEvent) {
            assertThat(json.get("incidentId").asText()).isEqualTo(INCIDENT.toString());
        }
        json.findValues("tlp").forEach(tlp -> assertThat(tlp.asText()).startsWith("TLP:"));
        json.findValues("severity").forEach(severity ->
                assertThat(severity.get("name").asText()).isIn("Medium", "High"));
    }

    @Test
    void everyCatalogueEventHasASampleHere() {
        Set<Class<?>> sampled = samples().stream().map(Object::getClass).collect(Collectors.toSet());

        assertThat(IntegrationEventCatalogue.entries()).allSatisfy(entry ->
                assertThat(sampled).as("a sample of " + entry.eventClass().getSimpleName()).contains(entry.eventClass()));
    }

    @Test
    void catalogueTypesAreVersionedAndUniqueAndTopicsAreKnown() {
        List<String> topics = List.of(Topics.INCIDENT_EVENTS, Topics.TRIAGE_EVENTS, Topics.ESCALATION_EVENTS,
                Topics.NOTIFICATION_EVENTS, Topics.DIRECTORY_EVENTS);

        assertThat(IntegrationEventCatalogue.entries()).allSatisfy(entry -> {
            assertThat(entry.type()).matches("org\\.circc\\.[a-z-]+\\.[a-z-]+\\.v[0-9]+");
            assertThat(topics).contains(entry.topic());
            assertThat(IntegrationEventCatalogue.ofType(entry.type())).contains(entry);
        });
        assertThat(IntegrationEventCatalogue.entries()).extracting(IntegrationEventCatalogue.Entry::type).doesNotHaveDuplicates();
        assertThat(IntegrationEventCatalogue.ofType("org.circc.incident.reported.v99")).isEmpty();
    }

    @Test
    void stakeholderEventsCarryNoChannelSecretsOrAddresses() throws Exception {
        String json = MAPPER.writeValueAsString(new StakeholderRegisteredEvent(STAKEHOLDER, OPERATOR, AT));

        assertThat(json).doesNotContainIgnoringCase("secret").doesNotContain("@rail-east").doesNotContainIgnoringCase("url");
    }
}
