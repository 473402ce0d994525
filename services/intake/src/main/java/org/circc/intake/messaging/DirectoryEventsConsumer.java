package org.circc.intake.messaging;

import org.circc.contracts.events.StakeholderChangedEvent;
import org.circc.contracts.events.StakeholderRegisteredEvent;
import org.circc.contracts.events.StakeholderRemovedEvent;
import org.circc.intake.query.StakeholderDirectory;
import org.circc.platform.messaging.IntegrationEventHandler;
import org.circc.platform.messaging.ReceivedIntegrationEvent;

/** Keeps intake's copy of the directory (who has a need to know) from the notification service's events. */
public class DirectoryEventsConsumer implements IntegrationEventHandler {

    private final StakeholderDirectory directory;

    public DirectoryEventsConsumer(StakeholderDirectory directory) {
        this.directory = directory;
    }

    @Override
    public void handle(ReceivedIntegrationEvent event) {
        Object payload = event.payload();
        if (payload instanceof StakeholderRegisteredEvent registered) {
            directory.save(registered.stakeholder());
        } else if (payload instanceof StakeholderChangedEvent changed) {
            directory.save(changed.stakeholder());
        } else if (payload instanceof StakeholderRemovedEvent removed) {
            directory.remove(removed.stakeholderId());
        }
    }
}
