package org.circc.contracts;

import java.util.UUID;

/** Strict UUID parsing shared by the id types; not part of the public API. */
final class Uuids {

    private Uuids() {
    }

    /**
     * Parses the canonical 8-4-4-4-12 hexadecimal form (either case, surrounding whitespace ignored).
     * {@link UUID#fromString} alone is too lenient: it accepts {@code 1-1-1-1-1}.
     */
    static UUID parse(String what, String input) {
        if (input == null) {
            throw new InvalidValueException(what + " is required; expected a UUID such as "
                    + "'3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b'");
        }
        String s = Texts.strip(input);
        if (!isCanonical(s)) {
            throw new InvalidValueException(Texts.quote(input) + " is not a valid " + what
                    + "; expected a UUID in the form xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx (hexadecimal)");
        }
        return UUID.fromString(s);
    }

    private static boolean isCanonical(String s) {
        if (s.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = s.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !Texts.isAsciiHex(c)) {
                return false;
            }
        }
        return true;
    }
}
