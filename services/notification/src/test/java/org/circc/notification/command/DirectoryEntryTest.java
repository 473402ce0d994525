package org.circc.notification.command;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.StakeholderKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Registration, seeding once, replacement keeping secrets, removal refused while a policy targets it. */
class DirectoryEntryTest {

    private static final Instant T0 = Instant.parse("2026-07-24T09:00:00Z");
    private static final Actor ADMIN = Actor.principal("admin", "circc");
    private static final String URL = "https://hooks.rail-east.example/circc";
    private static final Stakeholder RAIL = new Stakeholder("rail-east-soc", "Rail East SOC",
            StakeholderKind.organisation, "rail-east", null, Tlp.AMBER,
            List.of(new Stakeholder.Channel(Stakeholder.Channel.WEBHOOK, URL)),
            new Subscriptions(List.of("railways"), 2, List.of()));

    /** Secrets in memory, as the JDBC store keeps them. */
    static final class InMemorySecrets implements WebhookSecrets {

        final Map<String, Map<String, String>> stored = new HashMap<>();

        @Override
        public void replace(String stakeholderId, Map<String, String> secretsByUrl) {
            stored.put(stakeholderId, Map.copyOf(secretsByUrl));
        }

        @Override
        public Map<String, String> of(String stakeholderId) {
            return stored.getOrDefault(stakeholderId, Map.of());
        }
    }

    private final Set<String> targeted = new HashSet<>();
    private final InMemorySecrets secrets = new InMemorySecrets();
    private AggregateTestFixture<DirectoryEntry> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(DirectoryEntry.class);
        fixture.registerInjectableResource(new FixtureClock(fixture));
        fixture.registerInjectableResource(secrets);
        fixture.registerInjectableResource((PolicyTargets) targeted::contains);
    }

    private static RegisterStakeholderCommand register(Map<String, String> secrets, boolean seeding) {
        return new RegisterStakeholderCommand(RAIL.id(), RAIL, secrets, seeding, ADMIN);
    }

    @Test
    void registeringStoresTheSecretApartFromTheEvent() {
        fixture.givenCurrentTime(T0)
                .when(register(Map.of(URL, "s3cret-s3cret-s3cret"), false))
                .expectEvents(new StakeholderRegisteredEvent(RAIL, ADMIN, T0));

        assertThat(secrets.of(RAIL.id())).containsExactly(Map.entry(URL, "s3cret-s3cret-s3cret"));
    }

    @Test
    void aWebhookWithoutASecretIsRefused() {
        fixture.givenCurrentTime(T0)
                .when(register(Map.of(), false))
                .expectException(DirectoryRuleViolation.class)
                .expectExceptionMessage("a webhook needs a secret to sign its deliveries")
                .expectNoEvents();
    }

    @Test
    void anExistingIdCannotBeRegisteredAgain() {
        fixture.givenCurrentTime(T0)
                .andGiven(new StakeholderRegisteredEvent(RAIL, ADMIN, T0))
                .when(register(Map.of(URL, "s3cret-s3cret-s3cret"), false))
                .expectException(DirectoryRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void seedingAnIdEverRegisteredDoesNothingEvenAfterItsRemoval() {
        fixture.givenCurrentTime(T0)
                .andGiven(new StakeholderRegisteredEvent(RAIL, ADMIN, T0), new StakeholderRemovedEvent(RAIL.id(), ADMIN, T0))
                .when(register(Map.of(URL, "s3cret-s3cret-s3cret"), true))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void aRemovedIdMayBeRegisteredAgain() {
        fixture.givenCurrentTime(T0)
                .andGiven(new StakeholderRegisteredEvent(RAIL, ADMIN, T0), new StakeholderRemovedEvent(RAIL.id(), ADMIN, T0))
                .when(register(Map.of(URL, "s3cret-s3cret-s3cret"), false))
                .expectEvents(new StakeholderRegisteredEvent(RAIL, ADMIN, T0));
    }

    @Test
    void aReplacementWithoutASecretKeepsTheStoredOne() {
        secrets.replace(RAIL.id(), Map.of(URL, "s3cret-s3cret-s3cret"));
        Stakeholder renamed = new Stakeholder(RAIL.id(), "Rail East CSIRT", RAIL.kind(), RAIL.organisation(), null,
                Tlp.GREEN, RAIL.channels(), RAIL.subscriptions());

        fixture.givenCurrentTime(T0)
                .andGiven(new StakeholderRegisteredEvent(RAIL, ADMIN, T0))
                .when(new ReplaceStakeholderCommand(RAIL.id(), renamed, Map.of(), ADMIN))
                .expectEvents(new StakeholderChangedEvent(renamed, ADMIN, T0));

        assertThat(secrets.of(RAIL.id())).containsExactly(Map.entry(URL, "s3cret-s3cret-s3cret"));
    }

    @Test
    void aReplacementWithANewWebhookNeedsItsSecret() {
        Stakeholder moved = new Stakeholder(RAIL.id(), RAIL.name(), RAIL.kind(), RAIL.organisation(), null,
                RAIL.clearance(), List.of(new Stakeholder.Channel(Stakeholder.Channel.WEBHOOK,
                "https://new.rail-east.example/hook")), null);

        fixture.givenCurrentTime(T0)
                .andGiven(new StakeholderRegisteredEvent(RAIL, ADMIN, T0))
                .when(new ReplaceStakeholderCommand(RAIL.id(), moved, Map.of(), ADMIN))
                .expectException(DirectoryRuleViolation.class)
                .expectNoEvents();
    }

    @Test
    void aStakeholderAPolicyTargetsCannotBeRemoved() {
        targeted.add(RAIL.id());

        fixture.givenCurrentTime(T0)
                .andGiven(new StakeholderRegisteredEvent(RAIL, ADMIN, T0))
                .when(new RemoveStakeholderCommand(RAIL.id(), ADMIN))
                .expectException(DirectoryRuleViolation.class)
                .expectExceptionMessage("an escalation policy targets stakeholder rail-east-soc; change the policy first")
                .expectNoEvents();
    }

    @Test
    void removingForgetsTheSecrets() {
        secrets.replace(RAIL.id(), Map.of(URL, "s3cret-s3cret-s3cret"));

        fixture.givenCurrentTime(T0)
                .andGiven(new StakeholderRegisteredEvent(RAIL, ADMIN, T0))
                .when(new RemoveStakeholderCommand(RAIL.id(), ADMIN))
                .expectEvents(new StakeholderRemovedEvent(RAIL.id(), ADMIN, T0));

        assertThat(secrets.of(RAIL.id())).isEmpty();
    }

    @Test
    void aRemovedStakeholderCannotBeReplacedOrRemovedAgain() {
        fixture.givenCurrentTime(T0)
                .andGiven(new StakeholderRegisteredEvent(RAIL, ADMIN, T0), new StakeholderRemovedEvent(RAIL.id(), ADMIN, T0))
                .when(new RemoveStakeholderCommand(RAIL.id(), ADMIN))
                .expectException(DirectoryRuleViolation.class);
    }
}
