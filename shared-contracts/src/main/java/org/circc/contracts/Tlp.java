package org.circc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.List;

/**
 * FIRST Traffic Light Protocol 2.0 label. Constants are declared from least to most restrictive, so
 * {@code compareTo} and {@code ordinal()} follow restrictiveness: CLEAR &lt; GREEN &lt; AMBER &lt;
 * AMBER+STRICT &lt; RED.
 *
 * <p>JSON: the label string, e.g. {@code "TLP:AMBER+STRICT"}. On input {@code TLP:WHITE} (TLP 1.0) is read
 * as CLEAR, and labels are accepted in any case.
 */
public enum Tlp {
    CLEAR("TLP:CLEAR"),
    GREEN("TLP:GREEN"),
    AMBER("TLP:AMBER"),
    AMBER_STRICT("TLP:AMBER+STRICT"),
    RED("TLP:RED");

    /** The label an incident gets when the reporter names none (api.md). */
    public static final Tlp DEFAULT = AMBER;

    private static final String TLP1_WHITE = "TLP:WHITE";

    private final String label;

    Tlp(String label) {
        this.label = label;
    }

    /** The TLP 2.0 label, e.g. {@code TLP:AMBER+STRICT}; also the JSON form. */
    @JsonValue
    public String label() {
        return label;
    }

    /** All labels, least restrictive first. */
    public static List<String> labels() {
        return Arrays.stream(values()).map(Tlp::label).toList();
    }

    /**
     * Parses a TLP label ({@code TLP:CLEAR}, {@code TLP:GREEN}, {@code TLP:AMBER}, {@code TLP:AMBER+STRICT},
     * {@code TLP:RED}, or {@code TLP:WHITE} for CLEAR); case-insensitive, surrounding whitespace ignored.
     *
     * @throws InvalidValueException for anything else
     */
    @JsonCreator
    public static Tlp parse(String label) {
        if (label == null || label.isBlank()) {
            throw new InvalidValueException("TLP label is required; expected one of " + Texts.list(labels()));
        }
        String s = Texts.asciiLower(Texts.strip(label));
        for (Tlp tlp : values()) {
            if (Texts.asciiLower(tlp.label).equals(s)) {
                return tlp;
            }
        }
        if (Texts.asciiLower(TLP1_WHITE).equals(s)) {
            return CLEAR;
        }
        throw new InvalidValueException("unknown TLP label " + Texts.quote(label) + "; expected one of "
                + Texts.list(labels()) + " (TLP:WHITE is read as TLP:CLEAR)");
    }

    /** {@code true} if this label allows strictly fewer recipients than {@code other}. */
    public boolean isMoreRestrictiveThan(Tlp other) {
        return ordinal() > requireTlp(other).ordinal();
    }

    /** {@code true} if this label is {@code other} or less restrictive, e.g. whether a clearance covers it. */
    public boolean isAtMost(Tlp other) {
        return ordinal() <= requireTlp(other).ordinal();
    }

    /** The more restrictive of two labels (either if equal). */
    public static Tlp mostRestrictive(Tlp a, Tlp b) {
        return requireTlp(a).isMoreRestrictiveThan(b) ? a : b;
    }

    /** The most restrictive label among {@code labels}; {@link #CLEAR} for none. */
    public static Tlp mostRestrictive(Iterable<Tlp> labels) {
        Tlp result = CLEAR;
        for (Tlp tlp : labels) {
            result = mostRestrictive(result, tlp);
        }
        return result;
    }

    private static Tlp requireTlp(Tlp tlp) {
        if (tlp == null) {
            throw new InvalidValueException("TLP label is required; expected one of " + Texts.list(labels()));
        }
        return tlp;
    }
}
