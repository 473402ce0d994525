package org.circc.contracts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdsTest {

    private static final String UUID_TEXT = "3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b";

    @Test
    void newIdIsARandomVersion4Uuid() {
        Set<IncidentId> seen = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            IncidentId id = IncidentId.newId();
            assertThat(id.value().version()).isEqualTo(4);
            assertThat(id.value().variant()).isEqualTo(2);
            seen.add(id);
        }
        assertThat(seen).hasSize(100);
        assertThat(CampaignId.newId().value().version()).isEqualTo(4);
    }

    @Test
    void parsesAndPrintsTheUuidString() {
        IncidentId id = IncidentId.of(UUID_TEXT);
        assertThat(id.value()).isEqualTo(UUID.fromString(UUID_TEXT));
        assertThat(id).hasToString(UUID_TEXT);
        assertThat(IncidentId.of(id.toString())).isEqualTo(id);

        CampaignId campaign = CampaignId.of(UUID_TEXT);
        assertThat(campaign).hasToString(UUID_TEXT);
        assertThat(campaign.value()).isEqualTo(id.value());
    }

    @Test
    void acceptsUpperCaseAndSurroundingWhitespaceAndPrintsLowerCase() {
        assertThat(IncidentId.of("  " + UUID_TEXT.toUpperCase() + "\n")).hasToString(UUID_TEXT);
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-a-uuid", "1-1-1-1-1", "3f2b8c1e9a4d4e5f8b6a0c1d2e3f4a5b",
            "3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5", "3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5g",
            "{3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b}"})
    void rejectsAnythingButTheCanonicalForm(String text) {
        assertThatThrownBy(() -> IncidentId.of(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'" + text + "' is not a valid incident id")
                .hasMessageContaining("xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx");
        assertThatThrownBy(() -> CampaignId.of(text))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("is not a valid campaign id");
    }

    @ParameterizedTest
    @NullAndEmptySource
    void rejectsMissingIds(String text) {
        assertThatThrownBy(() -> IncidentId.of(text)).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new IncidentId(null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("incident id is required");
        assertThatThrownBy(() -> new CampaignId(null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("campaign id is required");
    }

    @Test
    void invalidValueExceptionIsAnIllegalArgumentException() {
        assertThatThrownBy(() -> IncidentId.of("x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void travelsInJsonAsAPlainString() throws Exception {
        IncidentId id = IncidentId.of(UUID_TEXT);
        assertThat(Json.write(id)).isEqualTo("\"" + UUID_TEXT + "\"");
        assertThat(Json.read("\"" + UUID_TEXT + "\"", IncidentId.class)).isEqualTo(id);
        assertThat(Json.roundTrip(id, IncidentId.class)).isEqualTo(id);

        CampaignId campaign = CampaignId.newId();
        assertThat(Json.write(campaign)).isEqualTo("\"" + campaign + "\"");
        assertThat(Json.roundTrip(campaign, CampaignId.class)).isEqualTo(campaign);
    }

    @Test
    void worksAsAJsonMapKey() throws Exception {
        IncidentId id = IncidentId.of(UUID_TEXT);
        String json = Json.write(Map.of(id, 1));
        assertThat(json).isEqualTo("{\"" + UUID_TEXT + "\":1}");
        Map<IncidentId, Integer> back = Json.read(json, new TypeReference<Map<IncidentId, Integer>>() { });
        assertThat(back).containsEntry(id, 1);
    }

    @Test
    void invalidJsonIdFailsWithTheValidationMessage() {
        assertThatThrownBy(() -> Json.read("\"nope\"", IncidentId.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class)
                .hasMessageContaining("'nope' is not a valid incident id");
    }

    @Test
    void idsOfDifferentKindsAreNotEqual() {
        UUID uuid = UUID.randomUUID();
        assertThat((Object) new IncidentId(uuid)).isNotEqualTo(new CampaignId(uuid));
        assertThat(new IncidentId(uuid)).isEqualTo(new IncidentId(uuid)).hasSameHashCodeAs(new IncidentId(uuid));
    }
}
