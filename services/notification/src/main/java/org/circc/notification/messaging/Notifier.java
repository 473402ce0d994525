package org.circc.notification.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.notification.command.DisclosureRule;
import org.circc.notification.command.Notice;
import org.circc.notification.command.QueueDeliveryCommand;
import org.circc.notification.command.Recipient;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.SuppressionWindows;
import org.circc.notification.query.IncidentDetails;
import org.circc.notification.query.IncidentDetailsRepository;
import org.circc.notification.query.StakeholderDirectory;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns "tell this stakeholder about this" into deliveries: the notice as {@link DisclosureRule} allows for that
 * recipient, storm suppression unless exempt, then one delivery per channel. Runs in the consumer's transaction,
 * with the inbox record that keeps a redelivered event from queueing anything twice.
 */
@Component
public class Notifier {

    /** Something to tell, before it is tailored to a recipient. */
    public record Message(String eventType, IncidentId incidentId, CampaignId campaignId, int level,
                          Severity severity, Sector sector, Tlp tlp, Instant occurredAt) {

        String scopeId() {
            return campaignId != null ? campaignId.toString() : incidentId.toString();
        }
    }

    private final CommandGateway commandGateway;
    private final StakeholderDirectory directory;
    private final IncidentDetailsRepository incidents;
    private final SuppressionWindows windows;
    private final Clock clock;

    public Notifier(CommandGateway commandGateway, StakeholderDirectory directory, IncidentDetailsRepository incidents,
                    SuppressionWindows windows, Clock clock) {
        this.commandGateway = commandGateway;
        this.directory = directory;
        this.incidents = incidents;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * @param suppressible false for reminders of an exhausted escalation, which always go out
     */
    public void tell(Stakeholder stakeholder, Recipient.Reason reason, Message message, boolean suppressible) {
        Notice notice = noticeFor(Recipient.of(stakeholder, reason), message);
        if (suppressible && !windows.admit(new SuppressionWindows.WindowKey(stakeholder.id(), message.scopeId(),
                message.level()), notice, clock.instant())) {
            return;
        }
        queue(stakeholder, notice, message.occurredAt());
    }

    /** The digest of a window that closed, to the stakeholder's channels (if it is still in the directory). */
    public void sendDigest(SuppressionWindows.ClosedWindow closed) {
        if (closed.suppressed().isEmpty()) {
            return;
        }
        directory.find(closed.key().stakeholderId()).ifPresent(stakeholder -> queue(stakeholder,
                Notice.digestOf(closed.suppressed()), closed.openedAt()));
    }

    Notice noticeFor(Recipient recipient, Message message) {
        Optional<IncidentDetails> incident = incidents.find(message.incidentId());
        Notice.Details details = incident
                .filter(known -> DisclosureRule.mayReceiveDetails(recipient, known.tlp(), known.reporterOrg()))
                .map(known -> new Notice.Details(known.title(), known.description(), known.observables()))
                .orElse(null);
        return new Notice(message.eventType(), message.incidentId(), message.campaignId(), message.level(),
                message.severity(), message.sector(), message.tlp(), "/api/v1/incidents/" + message.incidentId(),
                details, null);
    }

    private void queue(Stakeholder stakeholder, Notice notice, Instant raisedAt) {
        for (Stakeholder.Channel channel : stakeholder.channels()) {
            commandGateway.sendAndWait(new QueueDeliveryCommand(UUID.randomUUID(), stakeholder.id(), channel.type(),
                    channel.address(), notice, raisedAt));
        }
    }
}
