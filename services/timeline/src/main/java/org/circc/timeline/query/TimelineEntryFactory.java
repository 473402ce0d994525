package org.circc.timeline.query;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationEndedEvent;
import org.circc.contracts.events.EscalationExhaustedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IncidentCorrelatedEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentSeverityOverriddenEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IncidentUpdatedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.NotificationDeadLetteredEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.events.NotificationFailedEvent;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a recorded event into the timeline entry of api.md, or nothing when it is no line of an incident's history
 * (campaign severity changes and merges, reminders, the lifecycle moves that follow triage and escalation): those
 * still count in the folds, they just have no entry type of their own.
 */
public class TimelineEntryFactory {

    private static final Actor TRIAGE = Actor.system("triage");
    private static final Actor ESCALATION = Actor.system("escalation");
    private static final Actor NOTIFICATION = Actor.system("notification");

    private final ObjectMapper objectMapper;

    public TimelineEntryFactory(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    public Optional<TimelineEntry> entryFor(RecordedEvent recorded) {
        IntegrationEvent event = recorded.event();
        return describe(event).map(description -> new TimelineEntry(recorded.eventId(), recorded.at(),
                description.type(), description.actor(), description.summary(), data(event)));
    }

    private record Description(String type, Actor actor, String summary) {
    }

    private Optional<Description> describe(IntegrationEvent event) {
        return Optional.ofNullable(incidentDescription(event))
                .or(() -> Optional.ofNullable(escalationDescription(event)))
                .or(() -> Optional.ofNullable(notificationDescription(event)));
    }

    private static Description incidentDescription(IntegrationEvent event) {
        if (event instanceof IncidentReportedEvent e) {
            return new Description("incident.reported", e.actor(),
                    "Reported by " + e.actor().id() + " (" + e.reporterOrg() + "): " + e.title());
        }
        if (event instanceof IncidentUpdatedEvent e) {
            return new Description("incident.updated", e.actor(), "Updated: " + e.note());
        }
        if (event instanceof IncidentStatusChangedEvent e) {
            return statusChange(e);
        }
        if (event instanceof IncidentTriagedEvent e) {
            return new Description("incident.triaged", e.actor(), "Severity " + e.severity().level() + " "
                    + e.severity().displayName() + " (score " + Math.round(e.score()) + ")");
        }
        if (event instanceof IncidentCorrelatedEvent e) {
            return new Description("incident.correlated", TRIAGE, "Correlated into campaign " + e.campaignId()
                    + " on " + e.matchedOn() + " (" + e.reportCount() + " reports)");
        }
        if (event instanceof IncidentSeverityOverriddenEvent e) {
            return new Description("incident.severity-overridden", e.actor(), "Severity set to " + e.severity().level()
                    + " " + e.severity().displayName() + " by " + e.actor().id() + ": " + e.reason());
        }
        return null;
    }

    private static Description escalationDescription(IntegrationEvent event) {
        if (event instanceof EscalationStartedEvent e) {
            return new Description("escalation.started", ESCALATION, "Escalation started under policy " + e.policyId());
        }
        if (event instanceof EscalationLevelRaisedEvent e) {
            return new Description("escalation.level-raised", ESCALATION, "Level " + e.level() + " raised: "
                    + String.join(", ", e.targets()) + "; acknowledge by " + e.ackDeadline());
        }
        if (event instanceof EscalationAcknowledgedEvent e) {
            return new Description("escalation.acknowledged", e.actor(),
                    "Level " + e.level() + " acknowledged by " + e.actor().id());
        }
        if (event instanceof EscalationExhaustedEvent e) {
            return new Description("escalation.exhausted", ESCALATION, "Escalation exhausted at level " + e.level());
        }
        if (event instanceof EscalationEndedEvent e) {
            return new Description("escalation.ended", ESCALATION, "Escalation ended: " + e.reason());
        }
        return null;
    }

    private static Description notificationDescription(IntegrationEvent event) {
        if (event instanceof NotificationDeliveredEvent e) {
            return new Description("notification.delivered", NOTIFICATION,
                    "Notified " + e.stakeholderId() + " by " + e.channel() + " (level " + e.level() + ")");
        }
        if (event instanceof NotificationFailedEvent e) {
            return new Description("notification.failed", NOTIFICATION,
                    "Notification to " + e.stakeholderId() + " by " + e.channel() + " failed: " + e.error());
        }
        if (event instanceof NotificationDeadLetteredEvent e) {
            return new Description("notification.dead-lettered", NOTIFICATION,
                    "Notification to " + e.stakeholderId() + " by " + e.channel() + " given up: " + e.error());
        }
        return null;
    }

    /** Lifecycle steps a person took get their own entry; steps that follow triage and escalation do not repeat them. */
    private static Description statusChange(IncidentStatusChangedEvent e) {
        return switch (e.to()) {
            case CONTAINED, RESOLVED, CLOSED, WITHDRAWN -> new Description(
                    "incident." + e.to().name().toLowerCase(Locale.ROOT), e.actor(),
                    capitalised(e.to()) + ": " + e.reason());
            default -> null;
        };
    }

    private static String capitalised(IncidentStatus status) {
        String name = status.name().toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private Map<String, Object> data(IntegrationEvent event) {
        return objectMapper.convertValue(event, new TypeReference<>() {
        });
    }
}
