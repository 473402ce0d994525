package org.circc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonKey;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * CISA NCISS-style incident severity, 0 (Baseline) to 5 (Emergency).
 *
 * <p>JSON: written as {@code {"level":3,"name":"High"}}; read from that object, from a bare number
 * 0..5 (the filter and threshold form of the API), or from a numeric or name string ({@code "3"},
 * {@code "High"}). As a map key it is the display name ({@code "High"}).
 */
public enum Severity {
    BASELINE(0, "Baseline"),
    LOW(1, "Low"),
    MEDIUM(2, "Medium"),
    HIGH(3, "High"),
    SEVERE(4, "Severe"),
    EMERGENCY(5, "Emergency");

    public static final int MIN_LEVEL = 0;
    public static final int MAX_LEVEL = 5;

    private static final Severity[] BY_LEVEL = values();
    private static final Pattern NUMBER = Pattern.compile("[+-]?[0-9]{1,12}(\\.[0-9]{1,12})?");

    private final int level;
    private final String displayName;
    private final JsonForm json;

    Severity(int level, String displayName) {
        this.level = level;
        this.displayName = displayName;
        this.json = new JsonForm(level, displayName);
    }

    public int level() {
        return level;
    }

    public String displayName() {
        return displayName;
    }

    /** {@code true} if this severity is {@code other} or higher. */
    public boolean isAtLeast(Severity other) {
        if (other == null) {
            throw new InvalidValueException("severity to compare with is required");
        }
        return level >= other.level;
    }

    /** The higher of two severities. */
    public static Severity max(Severity a, Severity b) {
        return a.level >= b.level ? a : b;
    }

    /**
     * @throws InvalidValueException unless {@code level} is 0..5
     */
    public static Severity ofLevel(int level) {
        if (level < MIN_LEVEL || level > MAX_LEVEL) {
            throw outOfRange(String.valueOf(level));
        }
        return BY_LEVEL[level];
    }

    /**
     * Parses a query-parameter style severity: a level {@code "0"}..{@code "5"} or a name such as
     * {@code "High"} (any case).
     */
    public static Severity parse(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidValueException("severity is required; expected a level 0..5 (" + describeLevels() + ")");
        }
        String s = Texts.strip(text);
        if (NUMBER.matcher(s).matches()) {
            return ofLevel(toLevel(new BigDecimal(s)));
        }
        String upper = s.toUpperCase(Locale.ROOT);
        for (Severity severity : BY_LEVEL) {
            if (severity.name().equals(upper)) {
                return severity;
            }
        }
        throw new InvalidValueException("unknown severity " + Texts.quote(text) + "; expected a level 0..5 ("
                + describeLevels() + ")");
    }

    /** JSON form: {@code {"level":3,"name":"High"}}. */
    @JsonValue
    private JsonForm jsonForm() {
        return json;
    }

    /** Map-key form: the display name. */
    @JsonKey
    public String toKey() {
        return displayName;
    }

    /**
     * Reads the JSON forms: an object with {@code level} (and optionally a matching {@code name}), a bare
     * integer 0..5, or a string accepted by {@link #parse(String)}.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Severity fromJson(Object json) {
        if (json instanceof Severity severity) {
            return severity;
        }
        if (json instanceof Number number) {
            return ofLevel(toLevel(number));
        }
        if (json instanceof CharSequence text) {
            return parse(text.toString());
        }
        if (json instanceof Map<?, ?> map) {
            Object level = map.get("level");
            Object name = map.get("name");
            Severity severity;
            if (level instanceof Number number) {
                severity = ofLevel(toLevel(number));
            } else if (level == null && name instanceof String n) {
                severity = parse(n);
            } else {
                throw new InvalidValueException("severity object needs a numeric 'level' 0..5 ("
                        + describeLevels() + ")");
            }
            if (name != null && !(name instanceof String n && n.strip().equalsIgnoreCase(severity.displayName))) {
                throw new InvalidValueException("severity name " + Texts.quote(String.valueOf(name))
                        + " does not match level " + severity.level + " ('" + severity.displayName + "')");
            }
            return severity;
        }
        throw new InvalidValueException("severity must be a level 0..5 or an object {\"level\": 0..5, \"name\": ...}");
    }

    private static int toLevel(Number number) {
        BigDecimal decimal;
        if (number instanceof Integer || number instanceof Long || number instanceof Short || number instanceof Byte) {
            decimal = BigDecimal.valueOf(number.longValue());
        } else if (number instanceof BigInteger big) {
            decimal = new BigDecimal(big);
        } else if (number instanceof BigDecimal d) {
            decimal = d;
        } else {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw outOfRange(String.valueOf(d));
            }
            decimal = BigDecimal.valueOf(d);
        }
        BigDecimal whole = decimal.stripTrailingZeros();
        if (whole.scale() > 0) {
            throw new InvalidValueException("severity level " + decimal.toPlainString()
                    + " is not a whole number; expected 0..5 (" + describeLevels() + ")");
        }
        if (whole.compareTo(BigDecimal.valueOf(MIN_LEVEL)) < 0 || whole.compareTo(BigDecimal.valueOf(MAX_LEVEL)) > 0) {
            throw outOfRange(whole.toPlainString());
        }
        return whole.intValueExact();
    }

    private static InvalidValueException outOfRange(String level) {
        return new InvalidValueException("severity level " + level + " is out of range; expected 0..5 ("
                + describeLevels() + ")");
    }

    /**
     * What a severity is written as. Its {@code toString()} is the display name because Jackson reads enum map
     * keys by the {@code toString()} of the {@link JsonValue}, and {@link #toKey()} writes them as that name.
     */
    @JsonPropertyOrder({"level", "name"})
    private record JsonForm(int level, String name) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static String describeLevels() {
        return String.join(", ", Arrays.stream(BY_LEVEL).map(s -> s.level + " " + s.displayName).toList());
    }
}
