package org.circc.escalation.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.events.Actor;
import org.circc.escalation.command.Conflicts;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.SavePolicyCommand;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;

/**
 * Saves each configured policy as version 1 unless it exists; a seed never overwrites a saved version. Two
 * instances starting together both try to create it: the one that loses decides again and finds it saved.
 */
class PolicySeeding implements ApplicationRunner {

    static final int ATTEMPTS = 3;

    private final PolicyProperties properties;
    private final CommandGateway commandGateway;

    PolicySeeding(PolicyProperties properties, CommandGateway commandGateway) {
        this.properties = properties;
        this.commandGateway = commandGateway;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        properties.toPolicies().forEach(this::seed);
    }

    private void seed(EscalationPolicy policy) {
        SavePolicyCommand seed = new SavePolicyCommand(policy, Actor.system("escalation"), true);
        for (int attempt = 1; ; attempt++) {
            try {
                commandGateway.sendAndWait(seed);
                return;
            } catch (RuntimeException e) {
                if (attempt >= ATTEMPTS || !Conflicts.isConflict(e)) {
                    throw e;
                }
            }
        }
    }
}
