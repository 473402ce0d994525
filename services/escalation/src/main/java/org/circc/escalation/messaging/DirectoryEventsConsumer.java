package org.circc.escalation.messaging;

import org.circc.contracts.events.StakeholderChangedEvent;
import org.circc.contracts.events.StakeholderRegisteredEvent;
import org.circc.contracts.events.StakeholderRemovedEvent;
import org.circc.escalation.query.JdbcStakeholderDirectory;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

/** Keeps escalation's copy of the directory: which targets exist and which principal stands for each. */
public class DirectoryEventsConsumer implements IntegrationEventHandler {

    private final JdbcStakeholderDirectory directory;

    public DirectoryEventsConsumer(JdbcStakeholderDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        if (event.payload() instanceof StakeholderRegisteredEvent registered) {
            directory.save(registered.stakeholder());
        } else if (event.payload() instanceof StakeholderChangedEvent changed) {
            directory.save(changed.stakeholder());
        } else if (event.payload() instanceof StakeholderRemovedEvent removed) {
            directory.remove(removed.stakeholderId());
        }
    }
}
