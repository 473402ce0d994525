package org.circc.contracts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SectorTest {

    @Test
    void slugsAreThoseOfTheProductBrief() {
        assertThat(Sector.slugs()).containsExactly("information-communication", "finance", "aviation", "airports",
                "railways", "electric-power", "gas", "government", "medical", "water", "logistics", "chemical",
                "credit-card", "petroleum", "ports", "games-venue-operations", "games-management-systems",
                "games-broadcasting", "games-ticketing", "games-transport");
    }

    @ParameterizedTest
    @EnumSource(Sector.class)
    void fromSlugIsTheInverseOfSlug(Sector sector) {
        assertThat(Sector.fromSlug(sector.slug())).isSameAs(sector);
        assertThat(Sector.fromSlug(" " + sector.slug().toUpperCase() + " ")).isSameAs(sector);
    }

    @ParameterizedTest
    @EnumSource(Sector.class)
    void weightsAreBetween0And1(Sector sector) {
        assertThat(sector.criticalityWeight()).isBetween(0.0, 1.0);
        assertThat(sector.responsibleMinistry()).isNotBlank();
    }

    @Test
    void lifeCriticalSectorsWeighMost() {
        assertThat(Sector.ELECTRIC_POWER.criticalityWeight()).isEqualTo(1.0);
        for (Sector high : new Sector[] {Sector.WATER, Sector.MEDICAL, Sector.GAMES_MANAGEMENT_SYSTEMS}) {
            assertThat(high.criticalityWeight()).isGreaterThanOrEqualTo(0.9);
            assertThat(high.criticalityWeight()).isGreaterThan(Sector.CREDIT_CARD.criticalityWeight());
            assertThat(high.criticalityWeight()).isGreaterThan(Sector.GAMES_TICKETING.criticalityWeight());
        }
    }

    @Test
    void namesTheResponsibleMinistries() {
        assertThat(Sector.RAILWAYS.responsibleMinistry())
                .isEqualTo("Ministry of Land, Infrastructure, Transport and Tourism");
        assertThat(Sector.ELECTRIC_POWER.responsibleMinistry()).isEqualTo("Ministry of Economy, Trade and Industry");
        assertThat(Sector.MEDICAL.responsibleMinistry()).isEqualTo("Ministry of Health, Labour and Welfare");
        assertThat(Sector.FINANCE.responsibleMinistry()).isEqualTo("Financial Services Agency");
        assertThat(Sector.INFORMATION_COMMUNICATION.responsibleMinistry())
                .isEqualTo("Ministry of Internal Affairs and Communications");
        assertThat(Arrays.stream(Sector.values()).filter(Sector::isGamesFunction))
                .hasSize(5)
                .allSatisfy(s -> assertThat(s.responsibleMinistry()).isEqualTo("Tokyo Organising Committee"));
        assertThat(Arrays.stream(Sector.values()).filter(s -> !s.isGamesFunction()))
                .hasSize(15)
                .allSatisfy(s -> assertThat(s.responsibleMinistry())
                        .satisfiesAnyOf(m -> assertThat(m).startsWith("Ministry of"),
                                m -> assertThat(m).isEqualTo("Financial Services Agency")));
    }

    @Test
    void rejectsUnknownSlugsListingTheValidOnes() {
        assertThatThrownBy(() -> Sector.fromSlug("foo"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("unknown sector 'foo'; expected one of information-communication, finance, ")
                .hasMessageEndingWith("games-ticketing, games-transport");
        assertThatThrownBy(() -> Sector.fromSlug("electric_power")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> Sector.fromSlug(null)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("sector is required");
    }

    @Test
    void matchesExactSlugsAndPrefixPatterns() {
        assertThat(Sector.RAILWAYS.matchesPattern("railways")).isTrue();
        assertThat(Sector.RAILWAYS.matchesPattern("Railways")).isTrue();
        assertThat(Sector.RAILWAYS.matchesPattern("rail")).isFalse();
        assertThat(Sector.RAILWAYS.matchesPattern("games-*")).isFalse();
        assertThat(Sector.GAMES_TICKETING.matchesPattern("games-*")).isTrue();
        assertThat(Sector.GAMES_TICKETING.matchesPattern("games-ticketing")).isTrue();
        assertThat(Sector.GAMES_TICKETING.matchesPattern("*")).isTrue();
        assertThat(Sector.GAS.matchesPattern("g*")).isTrue();
        assertThat(Sector.GAS.matchesPattern("*as")).isFalse();
        assertThat(Sector.GAS.matchesPattern(null)).isFalse();
    }

    @Test
    void expandsPatternsAndRejectsOnesThatMatchNothing() {
        assertThat(Sector.matching("games-*")).containsExactly(Sector.GAMES_VENUE_OPERATIONS,
                Sector.GAMES_MANAGEMENT_SYSTEMS, Sector.GAMES_BROADCASTING, Sector.GAMES_TICKETING,
                Sector.GAMES_TRANSPORT);
        assertThat(Sector.matching("railways")).containsExactly(Sector.RAILWAYS);
        assertThat(Sector.matching("*")).hasSize(20);
        assertThatThrownBy(() -> Sector.matching("game-*"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("sector pattern 'game-*' matches no sector");
        assertThatThrownBy(() -> Sector.matching("rail"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("unknown sector 'rail'");
        assertThatThrownBy(() -> Sector.matching("*-power"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'*' may only end a prefix");
    }

    @ParameterizedTest
    @EnumSource(Sector.class)
    void travelsInJsonAsTheSlug(Sector sector) throws Exception {
        assertThat(Json.write(sector)).isEqualTo("\"" + sector.slug() + "\"");
        assertThat(Json.read("\"" + sector.slug() + "\"", Sector.class)).isEqualTo(sector);
    }

    @Test
    void worksAsAJsonMapKeyAndRejectsUnknownSlugs() throws Exception {
        Map<Sector, Integer> bySector = new EnumMap<>(Sector.class);
        bySector.put(Sector.ELECTRIC_POWER, 4);
        String json = Json.write(bySector);
        assertThat(json).isEqualTo("{\"electric-power\":4}");
        assertThat(Json.read(json, new TypeReference<Map<Sector, Integer>>() { })).isEqualTo(bySector);

        assertThatThrownBy(() -> Json.read("\"ELECTRIC_POWER\"", Sector.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unknown sector 'ELECTRIC_POWER'");
    }
}
