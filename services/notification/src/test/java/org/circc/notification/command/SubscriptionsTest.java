package org.circc.notification.command;

import org.circc.contracts.Category;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** api.md "Whom": empty lists mean all, sector prefixes, a category class matches its types, a minimum severity. */
class SubscriptionsTest {

    private static final Category DDOS = Category.parse("availability:ddos");

    @Test
    void emptySectorsAndCategoriesMatchEverything() {
        Subscriptions all = new Subscriptions(List.of(), 0, List.of());

        assertThat(all.matches(Set.of(Sector.WATER), DDOS, Severity.BASELINE)).isTrue();
    }

    @Test
    void aSectorPrefixMatchesEachSectorItCovers() {
        Subscriptions games = new Subscriptions(List.of("games-*"), 2, List.of());

        assertThat(games.matches(Set.of(Sector.GAMES_TICKETING), DDOS, Severity.HIGH)).isTrue();
        assertThat(games.matches(Set.of(Sector.RAILWAYS, Sector.GAMES_TRANSPORT), DDOS, Severity.HIGH)).isTrue();
        assertThat(games.matches(Set.of(Sector.RAILWAYS), DDOS, Severity.HIGH)).isFalse();
    }

    @Test
    void theSeverityMustReachTheMinimum() {
        Subscriptions rail = new Subscriptions(List.of("railways"), 2, List.of());

        assertThat(rail.matches(Set.of(Sector.RAILWAYS), DDOS, Severity.LOW)).isFalse();
        assertThat(rail.matches(Set.of(Sector.RAILWAYS), DDOS, Severity.MEDIUM)).isTrue();
    }

    @Test
    void aCategoryClassMatchesItsTypesAndATypeOnlyItself() {
        Subscriptions availability = new Subscriptions(List.of(), 0, List.of("availability"));
        Subscriptions ransomware = new Subscriptions(List.of(), 0, List.of("malicious-code:ransomware"));

        assertThat(availability.matches(Set.of(Sector.WATER), DDOS, Severity.LOW)).isTrue();
        assertThat(ransomware.matches(Set.of(Sector.WATER), DDOS, Severity.LOW)).isFalse();
        assertThat(ransomware.matches(Set.of(Sector.WATER), Category.parse("malicious-code:ransomware"),
                Severity.LOW)).isTrue();
    }

    @Test
    void anUnknownCategoryMatchesOnlyASubscriptionToAllCategories() {
        assertThat(new Subscriptions(List.of(), 0, List.of()).matches(Set.of(Sector.WATER), null, Severity.LOW))
                .isTrue();
        assertThat(new Subscriptions(List.of(), 0, List.of("availability")).matches(Set.of(Sector.WATER), null,
                Severity.LOW)).isFalse();
    }
}
