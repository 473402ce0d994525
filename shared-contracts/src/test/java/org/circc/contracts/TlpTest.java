package org.circc.contracts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TlpTest {

    @Test
    void labelsAreTlp2() {
        assertThat(List.of(Tlp.values())).extracting(Tlp::label)
                .containsExactly("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED");
        assertThat(Tlp.labels()).containsExactly("TLP:CLEAR", "TLP:GREEN", "TLP:AMBER", "TLP:AMBER+STRICT", "TLP:RED");
        assertThat(Tlp.DEFAULT).isEqualTo(Tlp.AMBER);
    }

    @ParameterizedTest
    @CsvSource({
            "TLP:CLEAR, CLEAR", "TLP:GREEN, GREEN", "TLP:AMBER, AMBER", "TLP:AMBER+STRICT, AMBER_STRICT",
            "TLP:RED, RED", "TLP:WHITE, CLEAR", "tlp:amber+strict, AMBER_STRICT", "' TLP:Red ', RED",
            "tlp:white, CLEAR"})
    void parsesLabels(String label, Tlp expected) {
        assertThat(Tlp.parse(label)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"AMBER", "TLP:AMBER-STRICT", "TLP:YELLOW", "TLP: RED", "red", "TLP:AMBER+"})
    void rejectsUnknownLabelsListingTheValidOnes(String label) {
        assertThatThrownBy(() -> Tlp.parse(label))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unknown TLP label '" + label + "'; expected one of TLP:CLEAR, TLP:GREEN, TLP:AMBER, "
                        + "TLP:AMBER+STRICT, TLP:RED (TLP:WHITE is read as TLP:CLEAR)");
    }

    @Test
    void rejectsMissingLabels() {
        assertThatThrownBy(() -> Tlp.parse(null)).isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("TLP label is required");
        assertThatThrownBy(() -> Tlp.parse("")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void restrictivenessFollowsTheTlpOrder() {
        assertThat(Tlp.RED.isMoreRestrictiveThan(Tlp.AMBER_STRICT)).isTrue();
        assertThat(Tlp.AMBER_STRICT.isMoreRestrictiveThan(Tlp.AMBER)).isTrue();
        assertThat(Tlp.AMBER.isMoreRestrictiveThan(Tlp.GREEN)).isTrue();
        assertThat(Tlp.GREEN.isMoreRestrictiveThan(Tlp.CLEAR)).isTrue();
        assertThat(Tlp.AMBER.isMoreRestrictiveThan(Tlp.AMBER)).isFalse();
        assertThat(Tlp.CLEAR.isMoreRestrictiveThan(Tlp.RED)).isFalse();
        assertThat(Tlp.mostRestrictive(Tlp.GREEN, Tlp.AMBER_STRICT)).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(Tlp.mostRestrictive(Tlp.RED, Tlp.CLEAR)).isEqualTo(Tlp.RED);
        assertThat(Tlp.mostRestrictive(List.of(Tlp.GREEN, Tlp.RED, Tlp.AMBER))).isEqualTo(Tlp.RED);
        assertThat(Tlp.mostRestrictive(List.of())).isEqualTo(Tlp.CLEAR);
        assertThat(Tlp.AMBER.isAtMost(Tlp.AMBER_STRICT)).isTrue();
        assertThat(Tlp.RED.isAtMost(Tlp.AMBER_STRICT)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Tlp.class)
    void travelsInJsonAsTheLabel(Tlp tlp) throws Exception {
        assertThat(Json.write(tlp)).isEqualTo("\"" + tlp.label() + "\"");
        assertThat(Json.read("\"" + tlp.label() + "\"", Tlp.class)).isEqualTo(tlp);
    }

    @Test
    void readsTlpWhiteFromJsonAsClear() throws Exception {
        assertThat(Json.read("\"TLP:WHITE\"", Tlp.class)).isEqualTo(Tlp.CLEAR);
    }

    @Test
    void rejectsEnumNamesInJson() {
        assertThatThrownBy(() -> Json.read("\"AMBER_STRICT\"", Tlp.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class)
                .hasMessageContaining("unknown TLP label 'AMBER_STRICT'");
    }

    @Test
    void worksAsAJsonMapKey() throws Exception {
        Map<Tlp, Integer> counts = new EnumMap<>(Tlp.class);
        counts.put(Tlp.AMBER_STRICT, 3);
        String json = Json.write(counts);
        assertThat(json).isEqualTo("{\"TLP:AMBER+STRICT\":3}");
        assertThat(Json.read(json, new TypeReference<Map<Tlp, Integer>>() { })).isEqualTo(counts);
    }
}
