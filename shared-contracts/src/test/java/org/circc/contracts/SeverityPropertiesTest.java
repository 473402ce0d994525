package org.circc.contracts;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeverityPropertiesTest {

    @Property
    void isAtLeastAgreesWithLevels(@ForAll Severity a, @ForAll Severity b) {
        assertThat(a.isAtLeast(b)).isEqualTo(a.level() >= b.level());
        assertThat(Severity.max(a, b).level()).isEqualTo(Math.max(a.level(), b.level()));
    }

    @Property
    void everyLevelOutside0To5IsRejected(@ForAll int level) {
        if (level >= 0 && level <= 5) {
            assertThat(Severity.ofLevel(level).level()).isEqualTo(level);
        } else {
            assertThatThrownBy(() -> Severity.ofLevel(level)).isInstanceOf(InvalidValueException.class);
        }
    }

    @Property
    void bareNumberAndObjectFormsReadTheSame(@ForAll @IntRange(min = 0, max = 5) int level) throws Exception {
        Severity fromNumber = Json.read(String.valueOf(level), Severity.class);
        Severity fromObject = Json.read(Json.write(Severity.ofLevel(level)), Severity.class);
        assertThat(fromNumber).isSameAs(fromObject).isSameAs(Severity.ofLevel(level));
    }
}
