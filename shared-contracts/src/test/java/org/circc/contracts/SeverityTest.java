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

class SeverityTest {

    @Test
    void levelsAndNamesFollowNciss() {
        assertThat(List.of(Severity.values()))
                .extracting(Severity::level, Severity::displayName)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(0, "Baseline"),
                        org.assertj.core.groups.Tuple.tuple(1, "Low"),
                        org.assertj.core.groups.Tuple.tuple(2, "Medium"),
                        org.assertj.core.groups.Tuple.tuple(3, "High"),
                        org.assertj.core.groups.Tuple.tuple(4, "Severe"),
                        org.assertj.core.groups.Tuple.tuple(5, "Emergency"));
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void ofLevelIsTheInverseOfLevel(Severity severity) {
        assertThat(Severity.ofLevel(severity.level())).isSameAs(severity);
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 6, 100, Integer.MIN_VALUE, Integer.MAX_VALUE})
    void ofLevelRejectsLevelsOutside0To5(int level) {
        assertThatThrownBy(() -> Severity.ofLevel(level))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("severity level " + level + " is out of range; expected 0..5 "
                        + "(0 Baseline, 1 Low, 2 Medium, 3 High, 4 Severe, 5 Emergency)");
    }

    @Test
    void isAtLeastComparesLevels() {
        assertThat(Severity.HIGH.isAtLeast(Severity.HIGH)).isTrue();
        assertThat(Severity.HIGH.isAtLeast(Severity.MEDIUM)).isTrue();
        assertThat(Severity.HIGH.isAtLeast(Severity.SEVERE)).isFalse();
        assertThat(Severity.BASELINE.isAtLeast(Severity.BASELINE)).isTrue();
        assertThat(Severity.EMERGENCY.isAtLeast(Severity.BASELINE)).isTrue();
        assertThat(Severity.max(Severity.LOW, Severity.SEVERE)).isEqualTo(Severity.SEVERE);
        assertThatThrownBy(() -> Severity.LOW.isAtLeast(null)).isInstanceOf(InvalidValueException.class);
    }

    @ParameterizedTest
    @CsvSource({"3, HIGH", "' 0 ', BASELINE", "High, HIGH", "emergency, EMERGENCY", "SEVERE, SEVERE", "2.0, MEDIUM"})
    void parseReadsLevelsAndNames(String text, Severity expected) {
        assertThat(Severity.parse(text)).isEqualTo(expected);
    }

    @Test
    void parseExplainsWhatIsAccepted() {
        assertThatThrownBy(() -> Severity.parse("critical"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("unknown severity 'critical'; expected a level 0..5 "
                        + "(0 Baseline, 1 Low, 2 Medium, 3 High, 4 Severe, 5 Emergency)");
        assertThatThrownBy(() -> Severity.parse("7")).hasMessageStartingWith("severity level 7 is out of range");
        assertThatThrownBy(() -> Severity.parse("-1")).hasMessageStartingWith("severity level -1 is out of range");
        assertThatThrownBy(() -> Severity.parse("2.5")).hasMessageStartingWith("severity level 2.5 is not a whole number");
        assertThatThrownBy(() -> Severity.parse(" ")).hasMessageStartingWith("severity is required");
        assertThatThrownBy(() -> Severity.parse(null)).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void serialisesAsLevelAndName() {
        assertThat(Json.write(Severity.HIGH)).isEqualTo("{\"level\":3,\"name\":\"High\"}");
        assertThat(Json.write(Severity.BASELINE)).isEqualTo("{\"level\":0,\"name\":\"Baseline\"}");
    }

    @ParameterizedTest
    @EnumSource(Severity.class)
    void roundTripsThroughJson(Severity severity) {
        assertThat(Json.roundTrip(severity, Severity.class)).isSameAs(severity);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'level':3,'name':'High'} | HIGH",
            "{'name':'High','level':3} | HIGH",
            "{'level':4}               | SEVERE",
            "{'name':'low'}            | LOW",
            "0                         | BASELINE",
            "5                         | EMERGENCY",
            "2.0                       | MEDIUM",
            "\"3\"                       | HIGH",
            "\" Medium \"                | MEDIUM"})
    void deserialisesFromObjectNumberOrString(String json, Severity expected) throws Exception {
        assertThat(Json.read(Json.q(json), Severity.class)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "6                          | severity level 6 is out of range",
            "-1                         | severity level -1 is out of range",
            "2.5                        | severity level 2.5 is not a whole number",
            "{'level':3,'name':'Low'}   | severity name 'Low' does not match level 3 ('High')",
            "{'level':'x'}              | severity object needs a numeric 'level' 0..5",
            "true                       | severity must be a level 0..5 or an object",
            "\"urgent\"                   | unknown severity 'urgent'"})
    void rejectsBadJsonWithAClearMessage(String json, String message) {
        assertThatThrownBy(() -> Json.read(Json.q(json), Severity.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class)
                .hasMessageContaining(message);
    }

    @Test
    void worksAsAFieldAndAsAMapKey() throws Exception {
        record Triage(Severity severity, Severity threshold) {
        }
        Triage triage = new Triage(Severity.SEVERE, Severity.MEDIUM);
        String json = Json.write(triage);
        assertThat(json).isEqualTo(
                "{\"severity\":{\"level\":4,\"name\":\"Severe\"},\"threshold\":{\"level\":2,\"name\":\"Medium\"}}");
        assertThat(Json.read(json, Triage.class)).isEqualTo(triage);
        assertThat(Json.read("{\"severity\":4,\"threshold\":2}", Triage.class)).isEqualTo(triage);

        Map<Severity, Integer> bySeverity = new EnumMap<>(Severity.class);
        bySeverity.put(Severity.HIGH, 2);
        bySeverity.put(Severity.LOW, 7);
        String mapJson = Json.write(bySeverity);
        assertThat(mapJson).isEqualTo("{\"Low\":7,\"High\":2}");
        assertThat(Json.read(mapJson, new TypeReference<Map<Severity, Integer>>() { })).isEqualTo(bySeverity);
    }
}
