package org.circc.notification.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.circc.notification.command.StakeholderChangedEvent;
import org.circc.notification.command.StakeholderRegisteredEvent;
import org.circc.notification.command.StakeholderRemovedEvent;
import org.springframework.stereotype.Component;

/**
 * Keeps the {@code stakeholder} table in the transaction of the directory command (a subscribing processor,
 * application.yml), so a registration is visible to the very next request.
 */
@Component
@ProcessingGroup(StakeholderProjection.PROCESSING_GROUP)
public class StakeholderProjection {

    public static final String PROCESSING_GROUP = "directory";

    private final StakeholderDirectory directory;

    public StakeholderProjection(StakeholderDirectory directory) {
        this.directory = directory;
    }

    @EventHandler
    void on(StakeholderRegisteredEvent event) {
        directory.save(event.stakeholder());
    }

    @EventHandler
    void on(StakeholderChangedEvent event) {
        directory.save(event.stakeholder());
    }

    @EventHandler
    void on(StakeholderRemovedEvent event) {
        directory.remove(event.stakeholderId());
    }
}
