package org.circc.contracts.events;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Every integration event with its CloudEvents {@code type} and its topic. The type names the version:
 * a change that breaks readers gets a new record and a new {@code .vN} type, published beside the old one
 * until every consumer reads the new one (docs/events.md).
 */
public final class IntegrationEventCatalogue {

    public record Entry(Class<? extends IntegrationEvent> eventClass, String type, String topic) {
    }

    private static final List<Entry> ENTRIES = List.of(
            entry(IncidentReportedEvent.class, "incident.reported", 1, Topics.INCIDENT_EVENTS),
            entry(IncidentUpdatedEvent.class, "incident.updated", 1, Topics.INCIDENT_EVENTS),
            entry(IncidentStatusChangedEvent.class, "incident.status-changed", 1, Topics.INCIDENT_EVENTS),
            entry(IncidentTriagedEvent.class, "incident.triaged", 1, Topics.TRIAGE_EVENTS),
            entry(IncidentCorrelatedEvent.class, "incident.correlated", 1, Topics.TRIAGE_EVENTS),
            entry(IncidentSeverityOverriddenEvent.class, "incident.severity-overridden", 1, Topics.TRIAGE_EVENTS),
            entry(CampaignSeverityChangedEvent.class, "campaign.severity-changed", 1, Topics.TRIAGE_EVENTS),
            entry(CampaignMergedEvent.class, "campaign.merged", 1, Topics.TRIAGE_EVENTS),
            entry(EscalationPolicySavedEvent.class, "escalation.policy-saved", 1, Topics.ESCALATION_EVENTS),
            entry(EscalationStartedEvent.class, "escalation.started", 1, Topics.ESCALATION_EVENTS),
            entry(EscalationLevelRaisedEvent.class, "escalation.level-raised", 1, Topics.ESCALATION_EVENTS),
            entry(EscalationAcknowledgedEvent.class, "escalation.acknowledged", 1, Topics.ESCALATION_EVENTS),
            entry(EscalationExhaustedEvent.class, "escalation.exhausted", 1, Topics.ESCALATION_EVENTS),
            entry(EscalationRemindedEvent.class, "escalation.reminded", 1, Topics.ESCALATION_EVENTS),
            entry(EscalationEndedEvent.class, "escalation.ended", 1, Topics.ESCALATION_EVENTS),
            entry(NotificationDeliveredEvent.class, "notification.delivered", 1, Topics.NOTIFICATION_EVENTS),
            entry(NotificationFailedEvent.class, "notification.failed", 1, Topics.NOTIFICATION_EVENTS),
            entry(NotificationDeadLetteredEvent.class, "notification.dead-lettered", 1, Topics.NOTIFICATION_EVENTS),
            entry(StakeholderRegisteredEvent.class, "stakeholder.registered", 1, Topics.DIRECTORY_EVENTS),
            entry(StakeholderChangedEvent.class, "stakeholder.changed", 1, Topics.DIRECTORY_EVENTS),
            entry(StakeholderRemovedEvent.class, "stakeholder.removed", 1, Topics.DIRECTORY_EVENTS));

    private static final Map<Class<?>, Entry> BY_CLASS =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::eventClass, Function.identity()));
    private static final Map<String, Entry> BY_TYPE =
            ENTRIES.stream().collect(Collectors.toUnmodifiableMap(Entry::type, Function.identity()));

    private IntegrationEventCatalogue() {
    }

    private static Entry entry(Class<? extends IntegrationEvent> eventClass, String name, int version, String topic) {
        return new Entry(eventClass, "org.circc." + name + ".v" + version, topic);
    }

    public static List<Entry> entries() {
        return ENTRIES;
    }

    public static Entry of(Class<? extends IntegrationEvent> eventClass) {
        Entry entry = BY_CLASS.get(eventClass);
        if (entry == null) {
            throw new IllegalArgumentException(eventClass.getName() + " is not in the integration event catalogue");
        }
        return entry;
    }

    public static Optional<Entry> ofType(String type) {
        return Optional.ofNullable(BY_TYPE.get(type));
    }
}
