package org.circc.escalation.config;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.AggregateStreamCreationException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.circc.escalation.command.SavePolicyCommand;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Two instances seeding the same policy at once: the one that loses the race decides again and finds it saved. */
class PolicySeedingTest {

    private static final PolicyProperties ONE_POLICY = new PolicyProperties(Map.of("broad",
            new PolicyProperties.Policy(1, null, List.of(
                    new PolicyProperties.Level(List.of("csirt-oncall"), Duration.ofMinutes(5), null)))));

    private final CommandGateway commandGateway = mock(CommandGateway.class);

    @Test
    void aSeedThatLostTheRaceToCreateThePolicyIsDecidedAgain() throws Exception {
        when(commandGateway.sendAndWait(any(SavePolicyCommand.class)))
                .thenThrow(new AggregateStreamCreationException("created by the other instance"))
                .thenReturn(null);

        new PolicySeeding(ONE_POLICY, commandGateway).run(null);

        verify(commandGateway, times(2)).sendAndWait(any(SavePolicyCommand.class));
    }

    @Test
    void aConflictThatPersistsFailsTheStartAfterAFewAttempts() {
        when(commandGateway.sendAndWait(any(SavePolicyCommand.class))).thenThrow(new ConcurrencyException("again"));

        assertThatThrownBy(() -> new PolicySeeding(ONE_POLICY, commandGateway).run(null))
                .isInstanceOf(ConcurrencyException.class);
        verify(commandGateway, times(PolicySeeding.ATTEMPTS)).sendAndWait(any(SavePolicyCommand.class));
    }
}
