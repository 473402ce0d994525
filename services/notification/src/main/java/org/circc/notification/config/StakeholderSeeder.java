package org.circc.notification.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.circc.contracts.events.Actor;
import org.circc.notification.command.RegisterStakeholderCommand;
import org.circc.notification.command.Stakeholder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.util.Map;

/**
 * Registers the seeded stakeholders at start-up, each once ever: a seed already registered, even if since changed
 * or removed, is left alone. Its registration is published like any other.
 */
@Component
public class StakeholderSeeder {

    private static final Logger log = LoggerFactory.getLogger(StakeholderSeeder.class);

    private final DirectoryProperties seeds;
    private final CommandGateway commandGateway;

    public StakeholderSeeder(DirectoryProperties seeds, CommandGateway commandGateway) {
        this.seeds = seeds;
        this.commandGateway = commandGateway;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void seed() {
        for (Stakeholder stakeholder : seeds.toStakeholders()) {
            try {
                commandGateway.sendAndWait(new RegisterStakeholderCommand(stakeholder.id(), stakeholder, Map.of(),
                        true, Actor.system("notification")));
            } catch (AggregateStreamCreationException | ConcurrencyException e) {
                // another instance starting at the same moment seeded it first
                log.info("stakeholder {} was seeded concurrently by another instance", stakeholder.id());
            }
        }
    }
}
