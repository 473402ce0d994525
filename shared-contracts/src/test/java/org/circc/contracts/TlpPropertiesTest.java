package org.circc.contracts;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

import static org.assertj.core.api.Assertions.assertThat;

/** TLP restrictiveness is a strict total order, and mostRestrictive is its maximum. */
class TlpPropertiesTest {

    @Property
    void exactlyOneOfLessEqualOrMore(@ForAll Tlp a, @ForAll Tlp b) {
        int relations = (a.isMoreRestrictiveThan(b) ? 1 : 0) + (b.isMoreRestrictiveThan(a) ? 1 : 0) + (a == b ? 1 : 0);
        assertThat(relations).isEqualTo(1);
    }

    @Property
    void restrictivenessIsTransitive(@ForAll Tlp a, @ForAll Tlp b, @ForAll Tlp c) {
        if (a.isMoreRestrictiveThan(b) && b.isMoreRestrictiveThan(c)) {
            assertThat(a.isMoreRestrictiveThan(c)).isTrue();
        }
    }

    @Property
    void mostRestrictiveIsTheMaximum(@ForAll Tlp a, @ForAll Tlp b) {
        Tlp max = Tlp.mostRestrictive(a, b);
        assertThat(max).isIn(a, b);
        assertThat(a.isMoreRestrictiveThan(max)).isFalse();
        assertThat(b.isMoreRestrictiveThan(max)).isFalse();
        assertThat(Tlp.mostRestrictive(b, a)).isEqualTo(max);
        assertThat(a.isAtMost(max) && b.isAtMost(max)).isTrue();
    }

    @Property
    void mostRestrictiveIsAssociative(@ForAll Tlp a, @ForAll Tlp b, @ForAll Tlp c) {
        assertThat(Tlp.mostRestrictive(Tlp.mostRestrictive(a, b), c))
                .isEqualTo(Tlp.mostRestrictive(a, Tlp.mostRestrictive(b, c)));
    }

    @Property
    void orderMatchesCompareTo(@ForAll Tlp a, @ForAll Tlp b) {
        assertThat(a.isMoreRestrictiveThan(b)).isEqualTo(a.compareTo(b) > 0);
    }

    @Property
    void labelParsesBackInAnyCase(@ForAll Tlp tlp, @ForAll boolean lowerCase) {
        String label = lowerCase ? tlp.label().toLowerCase() : tlp.label();
        assertThat(Tlp.parse(label)).isEqualTo(tlp);
    }
}
