package org.circc.escalation.command;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.time.Clock;
import java.time.Instant;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A campaign's escalation chain. Each level raised schedules a persistent deadline (db-scheduler in
 * PostgreSQL), so a level whose targets do not acknowledge in time raises the next one whatever restarted
 * in between.
 */
@Aggregate
public class Escalation {

    @AggregateIdentifier
    private CampaignId campaignId;
    private EscalationPolicy policy;
    private IncidentId incidentId;
    private Severity severity;
    private Sector sector;
    private Tlp tlp;
    private int currentLevel;
    private boolean exhausted;

    protected Escalation() {
        // for Axon: rebuilt from its events
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    void handle(StartEscalationCommand command, DeadlineManager deadlineManager, Clock clock) {
        if (campaignId != null) {
            return;
        }
        Instant now = clock.instant();
        apply(new EscalationStartedEvent(command.campaignId(), command.incidentId(), command.policy(),
                command.severity(), command.sector(), command.tlp(), now));
        raiseLevel(1, "severity " + command.severity().displayName() + " reached policy " + command.policy().id(),
                now, deadlineManager);
    }

    @DeadlineHandler(deadlineName = AcknowledgementDeadline.NAME)
    void on(AcknowledgementDeadline deadline, DeadlineManager deadlineManager, Clock clock) {
        if (deadline.level() != currentLevel || exhausted) {
            return;
        }
        Instant now = clock.instant();
        if (policy.isLastLevel(currentLevel)) {
            apply(new EscalationExhaustedEvent(campaignId, incidentId, currentLevel, now));
        } else {
            raiseLevel(currentLevel + 1, "level " + currentLevel + " not acknowledged in time", now, deadlineManager);
        }
    }

    private void raiseLevel(int level, String reason, Instant now, DeadlineManager deadlineManager) {
        EscalationPolicy.Level definition = policy.level(level);
        Instant ackDeadline = now.plus(definition.ackWithin());
        apply(new EscalationLevelRaisedEvent(campaignId, incidentId, level, definition.targets(), ackDeadline, severity,
                sector, tlp, reason, now));
        deadlineManager.schedule(ackDeadline, AcknowledgementDeadline.NAME, new AcknowledgementDeadline(level));
    }

    @EventSourcingHandler
    void on(EscalationStartedEvent event) {
        this.campaignId = event.campaignId();
        this.policy = event.policy();
        this.incidentId = event.incidentId();
        this.severity = event.severity();
        this.sector = event.sector();
        this.tlp = event.tlp();
    }

    @EventSourcingHandler
    void on(EscalationLevelRaisedEvent event) {
        this.currentLevel = event.level();
    }

    @EventSourcingHandler
    void on(EscalationExhaustedEvent event) {
        this.exhausted = true;
    }
}
