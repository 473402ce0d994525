package org.circc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * What an incident does to the reporter, in the three NCISS-style dimensions the report carries.
 * Each dimension is ordered from harmless to worst, so triage can rely on {@code ordinal()} growing with harm.
 */
public record Impact(Functional functional, Information information, Recoverability recoverability) {

    public static final Impact NONE = new Impact(Functional.NONE, Information.NONE, Recoverability.REGULAR);

    public Impact {
        Objects.requireNonNull(functional, "functional");
        Objects.requireNonNull(information, "information");
        Objects.requireNonNull(recoverability, "recoverability");
    }

    public enum Functional {
        NONE, LOW, MEDIUM, HIGH;

        @JsonValue
        public String slug() { return Slugs.of(this); }

        @JsonCreator
        public static Functional fromSlug(String slug) { return Slugs.parse(Functional.class, "functional impact", slug); }
    }

    public enum Information {
        NONE, PRIVACY, PROPRIETARY, INTEGRITY;

        @JsonValue
        public String slug() { return Slugs.of(this); }

        @JsonCreator
        public static Information fromSlug(String slug) { return Slugs.parse(Information.class, "information impact", slug); }
    }

    public enum Recoverability {
        REGULAR, SUPPLEMENTED, EXTENDED, NOT_RECOVERABLE;

        @JsonValue
        public String slug() { return Slugs.of(this); }

        @JsonCreator
        public static Recoverability fromSlug(String slug) { return Slugs.parse(Recoverability.class, "recoverability", slug); }
    }

    /** Enum constants travel as lower-case, hyphenated slugs ({@code NOT_RECOVERABLE} is {@code not-recoverable}). */
    static final class Slugs {
        private Slugs() {
        }

        static String of(Enum<?> value) {
            return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        static <E extends Enum<E>> E parse(Class<E> type, String what, String slug) {
            if (slug != null) {
                for (E candidate : type.getEnumConstants()) {
                    if (of(candidate).equals(slug)) {
                        return candidate;
                    }
                }
            }
            throw new InvalidValueException("unknown " + what + " '" + slug + "'; expected one of "
                    + Arrays.stream(type.getEnumConstants()).map(Slugs::of).toList());
        }
    }
}
