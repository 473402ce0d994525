package org.circc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * A typed indicator such as an IP address, domain or file hash, always held in normalised form, so that
 * equal indicators are equal values (correlation relies on it).
 *
 * <p>Normal forms:
 * <ul>
 *   <li>ipv4: dotted quad without leading zeros ({@code 203.0.113.7}); leading zeros are rejected as
 *       ambiguous;</li>
 *   <li>ipv6: RFC 5952 (lower case, no leading zeros, the longest run of two or more zero groups
 *       compressed to {@code ::}); IPv4-mapped addresses in mixed notation ({@code ::ffff:192.0.2.1});
 *       surrounding brackets accepted, zone ids and prefixes rejected;</li>
 *   <li>domain: lower case, no trailing dot, internationalised names as A-labels ({@code xn--...}), labels
 *       of 1–63 letters, digits and hyphens (not at either end), at least two labels, at most 253
 *       characters;</li>
 *   <li>url: scheme http, https or ftp and host in lower case, host normalised as a domain or IP literal,
 *       default port removed, empty path written as {@code /}; the rest kept as given (no whitespace or
 *       control characters);</li>
 *   <li>email: {@code local@domain}, the local part kept as given (dot-atom), the domain normalised;
 *       an optional {@code mailto:} prefix is dropped;</li>
 *   <li>sha256, sha1, md5: exactly 64, 40 or 32 hexadecimal digits, lower case;</li>
 *   <li>asn: {@code AS} and the number 0..4294967295 without leading zeros ({@code AS64500}); read from
 *       {@code AS64500}, {@code as64500}, {@code 64500} or asdot {@code 1.10}.</li>
 * </ul>
 *
 * <p>JSON: {@code {"type":"ipv4","value":"203.0.113.7"}}; values read from JSON are normalised.
 */
@JsonPropertyOrder({"type", "value"})
public record Observable(ObservableType type, String value) {

    /**
     * Takes values already in normal form; use {@link #of(ObservableType, String)} for client input.
     *
     * @throws InvalidValueException if the value is invalid or not in normal form
     */
    public Observable {
        if (type == null) {
            throw new InvalidValueException("observable type is required; expected one of "
                    + Texts.list(ObservableType.slugs()));
        }
        String normalised = ObservableNormaliser.normalise(type, value);
        if (!normalised.equals(value)) {
            throw new InvalidValueException(Texts.quote(value) + " is not the normal form of this " + type.slug()
                    + " observable; expected " + Texts.quote(normalised));
        }
    }

    /**
     * Validates and normalises client input.
     *
     * @throws InvalidValueException saying why {@code raw} is not a valid value of {@code type}
     */
    public static Observable of(ObservableType type, String raw) {
        if (type == null) {
            throw new InvalidValueException("observable type is required; expected one of "
                    + Texts.list(ObservableType.slugs()));
        }
        return new Observable(type, ObservableNormaliser.normalise(type, raw));
    }

    /**
     * Validates and normalises client input given with its type slug ({@code ipv4}, {@code sha256}, ...).
     *
     * @throws InvalidValueException for an unknown type or an invalid value
     */
    @JsonCreator
    public static Observable of(@JsonProperty("type") String typeSlug, @JsonProperty("value") String raw) {
        return of(ObservableType.fromSlug(typeSlug), raw);
    }

    /** {@code type:value}, e.g. {@code ipv4:203.0.113.7}; handy as a correlation or log key. */
    @Override
    public String toString() {
        return type.slug() + ":" + value;
    }
}
