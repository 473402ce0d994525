package org.circc.timeline.query;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignMergedEvent;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationEndedEvent;
import org.circc.contracts.events.EscalationExhaustedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationPolicySavedEvent;
import org.circc.contracts.events.EscalationRemindedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IncidentCorrelatedEvent;
import org.circc.contracts.events.IncidentSeverityOverriddenEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.NotificationDeadLetteredEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.events.NotificationFailedEvent;
import org.circc.contracts.events.SeverityFactor;
import org.circc.contracts.events.StakeholderRemovedEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.circc.timeline.TimelineFixtures.CAMPAIGN;
import static org.circc.timeline.TimelineFixtures.REPORTER;
import static org.circc.timeline.TimelineFixtures.platformObjectMapper;
import static org.circc.timeline.TimelineFixtures.recorded;
import static org.circc.timeline.TimelineFixtures.reported;

class TimelineEntryFactoryTest {

    private static final ObjectMapper OBJECT_MAPPER = platformObjectMapper();
    private static final IncidentId INCIDENT = IncidentId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final UUID ESCALATION = UUID.fromString("0e7f1c2a-3b4d-4e5f-8a6b-7c8d9e0f1a2b");
    private static final UUID DELIVERY = UUID.fromString("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d");
    /** Sub-millisecond digits that the entry's data must not carry. */
    private static final Instant AT = Instant.parse("2026-07-24T10:20:00.123456789Z");
    private static final Actor RESPONDER = Actor.principal("responder-1", "circc");
    private static final Actor COORDINATOR = Actor.principal("coordinator-1", "circc");

    private final TimelineEntryFactory factory = new TimelineEntryFactory(OBJECT_MAPPER);

    @Test
    void aReportBecomesIncidentReportedByItsReporterWithTheWholeEventAsData() {
        RecordedEvent received = recorded("event-1", reported(INCIDENT, Tlp.AMBER, AT));

        TimelineEntry entry = factory.entryFor(received).orElseThrow();

        assertThat(entry.eventId()).isEqualTo("event-1");
        assertThat(entry.at()).as("kept at millisecond precision").isEqualTo(Instant.parse("2026-07-24T10:20:00.123Z"));
        assertThat(entry.type()).isEqualTo("incident.reported");
        assertThat(entry.actor()).isEqualTo(REPORTER);
        assertThat(entry.summary()).isEqualTo("Reported by ops@venue-tokyo (venue-tokyo): DDoS on the ticketing portal");
        assertThat(entry.data()).isEqualTo(Map.ofEntries(
                Map.entry("incidentId", INCIDENT.toString()),
                Map.entry("title", "DDoS on the ticketing portal"),
                Map.entry("description", "Sustained SYN flood since 10:10"),
                Map.entry("category", "availability:ddos"),
                Map.entry("sector", "games-ticketing"),
                Map.entry("tlp", "TLP:AMBER"),
                Map.entry("impact", Map.of("functional", "high", "information", "none", "recoverability", "regular")),
                Map.entry("affectedAssets", List.of("tickets.example.jp")),
                Map.entry("observables", List.of(Map.of("type", "ipv4", "value", "203.0.113.7"))),
                Map.entry("reporterOrg", "venue-tokyo"),
                Map.entry("detectedAt", "2026-07-24T10:15:00.000Z"),
                Map.entry("actor", Map.of("kind", "principal", "id", "ops@venue-tokyo", "organisation", "venue-tokyo")),
                Map.entry("occurredAt", "2026-07-24T10:20:00.123Z")));
    }

    @Test
    void anUpdateBecomesIncidentUpdatedWithItsNote() {
        TimelineEntry entry = entryFor(new IncidentUpdatedEvent(INCIDENT, "Flood moved to a second address", List.of(),
                null, REPORTER, AT));

        assertThat(entry.type()).isEqualTo("incident.updated");
        assertThat(entry.actor()).isEqualTo(REPORTER);
        assertThat(entry.summary()).isEqualTo("Updated: Flood moved to a second address");
    }

    @Test
    void triageBecomesIncidentTriagedBySystemWithSeverityAndScore() {
        TimelineEntry entry = entryFor(new IncidentTriagedEvent(INCIDENT, CAMPAIGN, Severity.HIGH, 71.6,
                List.of(new SeverityFactor("functional-impact", "high", 30.0)), Actor.system("triage"), AT));

        assertThat(entry.type()).isEqualTo("incident.triaged");
        assertThat(entry.actor()).isEqualTo(Actor.system("triage"));
        assertThat(entry.actor().organisation()).isNull();
        assertThat(entry.summary()).isEqualTo("Severity 3 High (score 72)");
        assertThat(entry.data())
                .containsEntry("severity", Map.of("level", 3, "name", "High"))
                .containsEntry("score", 71.6)
                .containsEntry("campaignId", CAMPAIGN.toString())
                .containsEntry("factors", List.of(Map.of("factor", "functional-impact", "value", "high", "contribution", 30.0)))
                .containsEntry("occurredAt", "2026-07-24T10:20:00.123Z");
    }

    @Test
    void escalationStartedIsTheEscalationServicesEntry() {
        TimelineEntry entry = entryFor(new EscalationStartedEvent(ESCALATION, CAMPAIGN, INCIDENT, "default", 2,
                Severity.HIGH, AT));

        assertThat(entry.type()).isEqualTo("escalation.started");
        assertThat(entry.actor()).isEqualTo(Actor.system("escalation"));
        assertThat(entry.summary()).isEqualTo("Escalation started under policy default");
        assertThat(entry.data()).containsEntry("policyId", "default").containsEntry("policyVersion", 2L)
                .containsEntry("escalationId", ESCALATION.toString());
    }

    @Test
    void aRaisedLevelNamesItsTargetsAndDeadlineAndKeepsMillisecondInstantsInItsData() {
        TimelineEntry entry = entryFor(new EscalationLevelRaisedEvent(ESCALATION, CAMPAIGN, INCIDENT, 1,
                List.of("csirt-oncall", "responder-1"), Instant.parse("2026-07-24T10:25:00.123999Z"), Severity.HIGH,
                Sector.fromSlug("games-ticketing"), Tlp.AMBER, "severity reached the policy's minimum", AT));

        assertThat(entry.type()).isEqualTo("escalation.level-raised");
        assertThat(entry.actor()).isEqualTo(Actor.system("escalation"));
        assertThat(entry.summary()).startsWith("Level 1 raised: csirt-oncall, responder-1; acknowledge by 2026-07-24T10:25:00");
        assertThat(entry.data())
                .containsEntry("level", 1)
                .containsEntry("targets", List.of("csirt-oncall", "responder-1"))
                .containsEntry("ackDeadline", "2026-07-24T10:25:00.123Z")
                .containsEntry("occurredAt", "2026-07-24T10:20:00.123Z")
                .containsEntry("tlp", "TLP:AMBER");
    }

    @Test
    void anAcknowledgementIsThePrincipalsEntry() {
        TimelineEntry entry = entryFor(new EscalationAcknowledgedEvent(ESCALATION, CAMPAIGN, INCIDENT, 2, "on it",
                RESPONDER, AT));

        assertThat(entry.type()).isEqualTo("escalation.acknowledged");
        assertThat(entry.actor()).isEqualTo(RESPONDER);
        assertThat(entry.actor().organisation()).isEqualTo("circc");
        assertThat(entry.summary()).isEqualTo("Level 2 acknowledged by responder-1");
    }

    @Test
    void exhaustionAndEndAreEscalationEntries() {
        TimelineEntry exhausted = entryFor(new EscalationExhaustedEvent(ESCALATION, CAMPAIGN, INCIDENT, 3, AT));
        TimelineEntry ended = entryFor(new EscalationEndedEvent(ESCALATION, CAMPAIGN, INCIDENT,
                "every member resolved, closed or withdrawn", AT));

        assertThat(exhausted.type()).isEqualTo("escalation.exhausted");
        assertThat(exhausted.actor()).isEqualTo(Actor.system("escalation"));
        assertThat(exhausted.summary()).isEqualTo("Escalation exhausted at level 3");
        assertThat(ended.type()).isEqualTo("escalation.ended");
        assertThat(ended.actor()).isEqualTo(Actor.system("escalation"));
        assertThat(ended.summary()).isEqualTo("Escalation ended: every member resolved, closed or withdrawn");
    }

    @Test
    void deliveriesAreNotificationEntries() {
        TimelineEntry delivered = entryFor(new NotificationDeliveredEvent(DELIVERY, "csirt-oncall", "email", INCIDENT,
                CAMPAIGN, 1, 1, false, AT));
        TimelineEntry failed = entryFor(new NotificationFailedEvent(DELIVERY, "rail-east-soc", "webhook", INCIDENT,
                CAMPAIGN, 1, 2, "HTTP 503", Instant.parse("2026-07-24T10:21:04Z"), AT));
        TimelineEntry deadLettered = entryFor(new NotificationDeadLetteredEvent(DELIVERY, "rail-east-soc", "webhook",
                INCIDENT, CAMPAIGN, 1, 9, "HTTP 404", AT));

        assertThat(delivered.type()).isEqualTo("notification.delivered");
        assertThat(delivered.actor()).isEqualTo(Actor.system("notification"));
        assertThat(delivered.summary()).isEqualTo("Notified csirt-oncall by email (level 1)");
        assertThat(delivered.data()).containsEntry("redacted", false).containsEntry("deliveryId", DELIVERY.toString());
        assertThat(failed.type()).isEqualTo("notification.failed");
        assertThat(failed.actor()).isEqualTo(Actor.system("notification"));
        assertThat(failed.summary()).isEqualTo("Notification to rail-east-soc by webhook failed: HTTP 503");
        assertThat(failed.data()).containsEntry("nextAttemptAt", "2026-07-24T10:21:04.000Z");
        assertThat(deadLettered.type()).isEqualTo("notification.dead-lettered");
        assertThat(deadLettered.actor()).isEqualTo(Actor.system("notification"));
        assertThat(deadLettered.summary()).isEqualTo("Notification to rail-east-soc by webhook given up: HTTP 404");
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = {"CONTAINED", "RESOLVED", "CLOSED", "WITHDRAWN"})
    void aLifecycleStepSomeoneTookGetsItsOwnEntry(IncidentStatus to) {
        Actor actor = to == IncidentStatus.WITHDRAWN ? REPORTER : COORDINATOR;
        TimelineEntry entry = entryFor(new IncidentStatusChangedEvent(INCIDENT, IncidentStatus.ACKNOWLEDGED, to,
                "traffic scrubbed upstream", actor, AT));

        String name = to.name().toLowerCase();
        assertThat(entry.type()).isEqualTo("incident." + name);
        assertThat(entry.actor()).isEqualTo(actor);
        assertThat(entry.summary()).isEqualTo(Character.toUpperCase(name.charAt(0)) + name.substring(1)
                + ": traffic scrubbed upstream");
        assertThat(entry.data()).containsEntry("from", "ACKNOWLEDGED").containsEntry("to", to.name());
    }

    @ParameterizedTest
    @EnumSource(value = IncidentStatus.class, names = {"REPORTED", "TRIAGED", "ESCALATED", "ACKNOWLEDGED"})
    void statusChangesThatFollowTriageOrEscalationAddNoEntryOfTheirOwn(IncidentStatus to) {
        IncidentStatusChangedEvent change = new IncidentStatusChangedEvent(INCIDENT, IncidentStatus.TRIAGED, to,
                "the campaign's chain", Actor.system("intake"), AT);

        assertThat(factory.entryFor(recorded(change))).isEmpty();
    }

    @Test
    void aCorrelationSaysWhichCampaignOnWhatLinkAndHowBigItIsNow() {
        TimelineEntry entry = entryFor(new IncidentCorrelatedEvent(INCIDENT, CAMPAIGN, "observable ipv4:203.0.113.7", 3, AT));

        assertThat(entry.type()).isEqualTo("incident.correlated");
        assertThat(entry.actor()).isEqualTo(Actor.system("triage"));
        assertThat(entry.summary()).isEqualTo("Correlated into campaign " + CAMPAIGN
                + " on observable ipv4:203.0.113.7 (3 reports)");
        assertThat(entry.data()).containsEntry("reportCount", 3).containsEntry("campaignId", CAMPAIGN.toString());
    }

    @Test
    void anOverrideNamesTheCoordinatorTheNewSeverityAndTheReason() {
        TimelineEntry entry = entryFor(new IncidentSeverityOverriddenEvent(INCIDENT, CAMPAIGN, Severity.MEDIUM,
                Severity.SEVERE, "ticket sales halted nationwide", COORDINATOR, AT));

        assertThat(entry.type()).isEqualTo("incident.severity-overridden");
        assertThat(entry.actor()).isEqualTo(COORDINATOR);
        assertThat(entry.summary()).isEqualTo("Severity set to 4 Severe by coordinator-1: ticket sales halted nationwide");
        assertThat(entry.data()).containsEntry("previousSeverity", Map.of("level", 2, "name", "Medium"));
    }

    @Test
    void aMergeAReminderAndAPolicyAreNoEntries() {
        assertThat(factory.entryFor(recorded(new CampaignMergedEvent(CAMPAIGN, CampaignId.newId(), INCIDENT,
                List.of(IncidentId.newId()), AT)))).isEmpty();
        assertThat(factory.entryFor(recorded(new EscalationRemindedEvent(ESCALATION, CAMPAIGN, INCIDENT, 3,
                List.of("duty-coordinator"), AT.plusSeconds(900), Severity.HIGH, Sector.fromSlug("games-ticketing"),
                Tlp.AMBER, AT)))).isEmpty();
        assertThat(factory.entryFor(recorded(new EscalationPolicySavedEvent("default", 2, Set.of("csirt-oncall"),
                COORDINATOR, AT)))).isEmpty();
    }

    @Test
    void aCampaignSeverityChangeIsNoEntry() {
        CampaignSeverityChangedEvent change = new CampaignSeverityChangedEvent(CAMPAIGN, INCIDENT, null, Severity.HIGH,
                Set.of(Sector.fromSlug("games-ticketing")), Tlp.AMBER, AT);

        assertThat(factory.entryFor(recorded(change))).isEmpty();
    }

    @Test
    void aDirectoryEventIsNoEntry() {
        assertThat(factory.entryFor(recorded(new StakeholderRemovedEvent("rail-east-soc",
                Actor.principal("admin", "circc"), AT)))).isEmpty();
    }

    private TimelineEntry entryFor(IntegrationEvent event) {
        RecordedEvent received = recorded(event);
        Optional<TimelineEntry> entry = factory.entryFor(received);
        assertThat(entry).as("entry for %s", event).isPresent();
        assertThat(entry.get().eventId()).isEqualTo(received.eventId());
        assertThat(entry.get().at()).isEqualTo(event.occurredAt().truncatedTo(ChronoUnit.MILLIS));
        return entry.get();
    }
}
