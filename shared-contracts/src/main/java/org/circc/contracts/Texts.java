package org.circc.contracts;

import java.util.Collection;
import java.util.stream.Collectors;

/** Helpers for building validation messages; not part of the public API. */
final class Texts {

    /** Inputs quoted in messages are cut to this many characters. */
    static final int MAX_QUOTED = 80;

    private Texts() {
    }

    /**
     * Quotes client input for an error message: single quotes, control and non-ASCII-space characters
     * escaped (no log or header injection through messages), long input shortened.
     */
    static String quote(String input) {
        if (input == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder(Math.min(input.length(), MAX_QUOTED) + 8).append('\'');
        int count = 0;
        for (int i = 0; i < input.length(); ) {
            if (count == MAX_QUOTED) {
                sb.append("...");
                break;
            }
            int cp = input.codePointAt(i);
            i += Character.charCount(cp);
            count++;
            if (cp == '\n') {
                sb.append("\\n");
            } else if (cp == '\r') {
                sb.append("\\r");
            } else if (cp == '\t') {
                sb.append("\\t");
            } else if (Character.isISOControl(cp) || Character.getType(cp) == Character.FORMAT
                    || Character.getType(cp) == Character.LINE_SEPARATOR
                    || Character.getType(cp) == Character.PARAGRAPH_SEPARATOR) {
                sb.append(String.format("\\u%04x", cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.append('\'').toString();
    }

    static String list(Collection<String> values) {
        return values.stream().collect(Collectors.joining(", "));
    }

    static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static boolean isAsciiHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    /** Lower-cases ASCII letters only (locale independent, leaves anything else untouched). */
    static String asciiLower(String s) {
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (sb == null) {
                    sb = new StringBuilder(s);
                }
                sb.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Trims ASCII and Unicode whitespace at both ends. */
    static String strip(String s) {
        return s.strip();
    }
}
