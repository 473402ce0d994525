package org.circc.contracts;

import java.net.IDN;
import java.util.Set;

/**
 * Validation and normalisation of observable values, by hand: no name resolution, no
 * {@code InetAddress.getByName}, no platform URL parser with its own leniencies. Not part of the public
 * API; use {@link Observable#of(ObservableType, String)}.
 */
final class ObservableNormaliser {

    static final int MAX_DOMAIN_LENGTH = 253;
    static final int MAX_LABEL_LENGTH = 63;
    static final int MAX_EMAIL_LENGTH = 254;
    static final int MAX_LOCAL_PART_LENGTH = 64;
    static final int MAX_URL_LENGTH = 8192;
    static final long MAX_ASN = 4_294_967_295L;

    private static final Set<String> URL_SCHEMES = Set.of("http", "https", "ftp");
    /** RFC 5322 atext, besides letters and digits. */
    private static final String ATEXT_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    private ObservableNormaliser() {
    }

    /**
     * The normalised form of {@code raw}.
     *
     * @throws InvalidValueException saying why {@code raw} is not a valid value of {@code type}
     */
    static String normalise(ObservableType type, String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidValueException("observable value is required; expected " + article(type.description())
                    + " " + type.description());
        }
        try {
            String s = Texts.strip(raw);
            return switch (type) {
                case IPV4 -> ipv4(s);
                case IPV6 -> ipv6(s);
                case DOMAIN -> domain(s);
                case URL -> url(s);
                case EMAIL -> email(s);
                case SHA256 -> hash(s, 64);
                case SHA1 -> hash(s, 40);
                case MD5 -> hash(s, 32);
                case ASN -> asn(s);
            };
        } catch (Problem problem) {
            throw new InvalidValueException(Texts.quote(raw) + " is not a valid " + type.description() + ": "
                    + problem.getMessage());
        }
    }

    private static String article(String noun) {
        return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
    }

    // ---------------------------------------------------------------- ipv4

    static String ipv4(String s) {
        String[] octets = s.split("\\.", -1);
        if (octets.length != 4) {
            throw new Problem("expected four decimal octets separated by dots, such as 203.0.113.7");
        }
        StringBuilder sb = new StringBuilder(15);
        for (String octet : octets) {
            if (octet.isEmpty()) {
                throw new Problem("empty octet; expected four decimal octets separated by dots, such as 203.0.113.7");
            }
            if (octet.length() > 3 || !octet.chars().allMatch(c -> Texts.isAsciiDigit((char) c))) {
                throw new Problem("octet " + Texts.quote(octet) + " is not a decimal number 0..255");
            }
            if (octet.length() > 1 && octet.charAt(0) == '0') {
                throw new Problem("octet " + Texts.quote(octet) + " has a leading zero, which is ambiguous "
                        + "(octal in some parsers); write it without leading zeros");
            }
            int value = Integer.parseInt(octet);
            if (value > 255) {
                throw new Problem("octet " + value + " is out of range 0..255");
            }
            if (sb.length() > 0) {
                sb.append('.');
            }
            sb.append(value);
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- ipv6

    static String ipv6(String input) {
        String s = input;
        if (s.length() >= 2 && s.charAt(0) == '[' && s.charAt(s.length() - 1) == ']') {
            s = s.substring(1, s.length() - 1);
        }
        if (s.indexOf('%') >= 0) {
            throw new Problem("zone identifiers ('%...') are not accepted");
        }
        if (s.indexOf('/') >= 0) {
            throw new Problem("prefix lengths ('/...') are not accepted; give a single address");
        }
        int[] groups = parseIpv6Groups(s);
        return formatIpv6(groups);
    }

    private static int[] parseIpv6Groups(String s) {
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            throw new Problem("'::' may appear only once");
        }
        String head = doubleColon < 0 ? s : s.substring(0, doubleColon);
        String tail = doubleColon < 0 ? "" : s.substring(doubleColon + 2);
        int[] headGroups = parseIpv6Part(head, doubleColon < 0);
        int[] tailGroups = parseIpv6Part(tail, true);
        int count = headGroups.length + tailGroups.length;
        if (doubleColon < 0 && count != 8) {
            throw new Problem("expected eight groups of up to four hexadecimal digits separated by ':' "
                    + "(or fewer with '::'), found " + count);
        }
        if (doubleColon >= 0 && count > 7) {
            throw new Problem("too many groups for an address with '::' (found " + count + ", at most 7)");
        }
        int[] groups = new int[8];
        System.arraycopy(headGroups, 0, groups, 0, headGroups.length);
        System.arraycopy(tailGroups, 0, groups, 8 - tailGroups.length, tailGroups.length);
        return groups;
    }

    /** Groups of one side of '::'; an embedded dotted IPv4 address may end the address. */
    private static int[] parseIpv6Part(String part, boolean mayEndWithIpv4) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] fields = part.split(":", -1);
        boolean endsWithIpv4 = fields[fields.length - 1].indexOf('.') >= 0;
        if (endsWithIpv4 && !mayEndWithIpv4) {
            throw new Problem("an embedded ipv4 address may only end the address");
        }
        int[] groups = new int[fields.length + (endsWithIpv4 ? 1 : 0)];
        for (int i = 0; i < fields.length; i++) {
            String field = fields[i];
            if (i == fields.length - 1 && endsWithIpv4) {
                String v4;
                try {
                    v4 = ipv4(field);
                } catch (Problem p) {
                    throw new Problem("embedded ipv4 address " + Texts.quote(field) + " is invalid: " + p.getMessage());
                }
                String[] octets = v4.split("\\.");
                groups[i] = Integer.parseInt(octets[0]) << 8 | Integer.parseInt(octets[1]);
                groups[i + 1] = Integer.parseInt(octets[2]) << 8 | Integer.parseInt(octets[3]);
                continue;
            }
            if (field.isEmpty()) {
                throw new Problem("empty group (a single ':' at the start or end, or ':::')");
            }
            if (field.length() > 4) {
                throw new Problem("group " + Texts.quote(field) + " has more than four hexadecimal digits");
            }
            for (int j = 0; j < field.length(); j++) {
                if (!Texts.isAsciiHex(field.charAt(j))) {
                    throw new Problem("group " + Texts.quote(field) + " is not hexadecimal");
                }
            }
            groups[i] = Integer.parseInt(field, 16);
        }
        return groups;
    }

    /** RFC 5952 text form; IPv4-mapped addresses (::ffff:0:0/96) in mixed notation (RFC 5952 section 5). */
    private static String formatIpv6(int[] g) {
        if (g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff) {
            return "::ffff:" + (g[6] >> 8) + "." + (g[6] & 0xff) + "." + (g[7] >> 8) + "." + (g[7] & 0xff);
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is never compressed
        for (int i = 0; i < 8; ) {
            if (g[i] != 0) {
                i++;
                continue;
            }
            int j = i;
            while (j < 8 && g[j] == 0) {
                j++;
            }
            if (j - i > bestLength) { // strictly longer: the first of equally long runs wins
                bestStart = i;
                bestLength = j - i;
            }
            i = j;
        }
        StringBuilder sb = new StringBuilder(39);
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLength - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(g[i]));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------- domain

    static String domain(String input) {
        String s = input;
        if (!isAscii(s)) {
            try {
                s = IDN.toASCII(s);
            } catch (IllegalArgumentException e) {
                throw new Problem("not a valid internationalised domain name (" + e.getMessage() + ")");
            }
        }
        s = Texts.asciiLower(s);
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.isEmpty()) {
            throw new Problem("empty name");
        }
        if (s.length() > MAX_DOMAIN_LENGTH) {
            throw new Problem("longer than " + MAX_DOMAIN_LENGTH + " characters (" + s.length() + ")");
        }
        String[] labels = s.split("\\.", -1);
        if (labels.length < 2) {
            throw new Problem("expected at least two labels separated by dots, such as example.jp");
        }
        for (String label : labels) {
            if (label.isEmpty()) {
                throw new Problem("empty label (two dots in a row, or a leading dot)");
            }
            if (label.length() > MAX_LABEL_LENGTH) {
                throw new Problem("label " + Texts.quote(label) + " is longer than " + MAX_LABEL_LENGTH + " characters");
            }
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(Texts.isAsciiLetter(c) || Texts.isAsciiDigit(c) || c == '-')) {
                    throw new Problem("label " + Texts.quote(label) + " contains " + Texts.quote(String.valueOf(c))
                            + "; labels may contain only letters, digits and hyphens");
                }
            }
            if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
                throw new Problem("label " + Texts.quote(label) + " starts or ends with a hyphen");
            }
        }
        String tld = labels[labels.length - 1];
        if (tld.chars().allMatch(c -> Texts.isAsciiDigit((char) c))) {
            throw new Problem("the last label is numeric, which no top-level domain is; "
                    + "for an IP address use type ipv4");
        }
        return s;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7f) {
                return false;
            }
        }
        return true;
    }

    // ---------------------------------------------------------------- url

    static String url(String s) {
        if (s.length() > MAX_URL_LENGTH) {
            throw new Problem("longer than " + MAX_URL_LENGTH + " characters");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c == 0x7f || Character.isWhitespace(c) || Character.isISOControl(c)) {
                throw new Problem("contains whitespace or a control character; percent-encode it");
            }
        }
        int schemeEnd = s.indexOf("://");
        if (schemeEnd <= 0 || !isScheme(s.substring(0, schemeEnd))) {
            throw new Problem("expected an absolute url starting with http://, https:// or ftp://");
        }
        String scheme = Texts.asciiLower(s.substring(0, schemeEnd));
        if (!URL_SCHEMES.contains(scheme)) {
            throw new Problem("unsupported scheme " + Texts.quote(scheme) + "; expected http, https or ftp");
        }
        String rest = s.substring(schemeEnd + 3);
        int authorityEnd = rest.length();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                authorityEnd = i;
                break;
            }
        }
        String authority = rest.substring(0, authorityEnd);
        String remainder = rest.substring(authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = at < 0 ? "" : authority.substring(0, at + 1);
        String hostPort = authority.substring(at + 1);

        String host;
        String port;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw new Problem("unterminated '[' in the host");
            }
            try {
                host = "[" + ipv6(hostPort.substring(1, close)) + "]";
            } catch (Problem p) {
                throw new Problem("host " + Texts.quote(hostPort.substring(0, close + 1)) + " is not a valid ipv6 address: "
                        + p.getMessage());
            }
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty() && after.charAt(0) != ':') {
                throw new Problem("unexpected " + Texts.quote(after) + " after the host");
            }
            port = after.isEmpty() ? null : after.substring(1);
        } else {
            int colon = hostPort.indexOf(':');
            host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            port = colon < 0 ? null : hostPort.substring(colon + 1);
            if (host.isEmpty()) {
                throw new Problem("no host");
            }
            host = urlHost(host);
        }
        String normalisedPort = urlPort(scheme, port);

        String path = remainder.isEmpty() || remainder.charAt(0) != '/' ? "/" + remainder : remainder;
        return scheme + "://" + userInfo + host + normalisedPort + path;
    }

    /** RFC 3986: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ). */
    private static boolean isScheme(String scheme) {
        if (!Texts.isAsciiLetter(scheme.charAt(0))) {
            return false;
        }
        for (int i = 1; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            if (!(Texts.isAsciiLetter(c) || Texts.isAsciiDigit(c) || c == '+' || c == '-' || c == '.')) {
                return false;
            }
        }
        return true;
    }

    private static String urlHost(String host) {
        boolean numeric = true;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (!(Texts.isAsciiDigit(c) || c == '.')) {
                numeric = false;
                break;
            }
        }
        try {
            return numeric ? ipv4(host) : domain(host);
        } catch (Problem p) {
            throw new Problem("host " + Texts.quote(host) + " is not a valid " + (numeric ? "ipv4 address" : "domain name")
                    + ": " + p.getMessage());
        }
    }

    /** ":port", or "" for none or the scheme's default port (RFC 3986 section 6.2.3). */
    private static String urlPort(String scheme, String port) {
        if (port == null || port.isEmpty()) {
            return "";
        }
        if (port.length() > 5 || !port.chars().allMatch(c -> Texts.isAsciiDigit((char) c))) {
            throw new Problem("port " + Texts.quote(port) + " is not a number 1..65535");
        }
        int value = Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw new Problem("port " + value + " is out of range 1..65535");
        }
        int defaultPort = switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> 21;
        };
        return value == defaultPort ? "" : ":" + value;
    }

    // ---------------------------------------------------------------- email

    static String email(String input) {
        String s = input;
        if (s.regionMatches(true, 0, "mailto:", 0, 7)) {
            s = s.substring(7);
        }
        int at = s.lastIndexOf('@');
        if (at < 0) {
            throw new Problem("expected local-part@domain, such as soc@example.jp");
        }
        String local = s.substring(0, at);
        String domainPart = s.substring(at + 1);
        if (local.isEmpty()) {
            throw new Problem("empty local part before '@'");
        }
        if (domainPart.isEmpty()) {
            throw new Problem("empty domain after '@'");
        }
        if (local.length() > MAX_LOCAL_PART_LENGTH) {
            throw new Problem("local part longer than " + MAX_LOCAL_PART_LENGTH + " characters");
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(Texts.isAsciiLetter(c) || Texts.isAsciiDigit(c) || c == '.' || ATEXT_SPECIALS.indexOf(c) >= 0)) {
                throw new Problem("local part contains " + Texts.quote(String.valueOf(c))
                        + "; expected letters, digits, dots and !#$%&'*+/=?^_`{|}~-");
            }
        }
        if (local.charAt(0) == '.' || local.charAt(local.length() - 1) == '.' || local.contains("..")) {
            throw new Problem("local part may not start or end with a dot or contain two dots in a row");
        }
        String domain;
        try {
            domain = domain(domainPart);
        } catch (Problem p) {
            throw new Problem("domain " + Texts.quote(domainPart) + " is not valid: " + p.getMessage());
        }
        String result = local + "@" + domain;
        if (result.length() > MAX_EMAIL_LENGTH) {
            throw new Problem("longer than " + MAX_EMAIL_LENGTH + " characters");
        }
        return result;
    }

    // ---------------------------------------------------------------- hashes

    static String hash(String s, int hexLength) {
        if (s.length() != hexLength) {
            throw new Problem("expected " + hexLength + " hexadecimal characters, got " + s.length());
        }
        for (int i = 0; i < s.length(); i++) {
            if (!Texts.isAsciiHex(s.charAt(i))) {
                throw new Problem("contains " + Texts.quote(String.valueOf(s.charAt(i)))
                        + "; expected only hexadecimal characters 0-9, a-f");
            }
        }
        return Texts.asciiLower(s);
    }

    // ---------------------------------------------------------------- asn

    static String asn(String input) {
        String s = input;
        if (s.regionMatches(true, 0, "AS", 0, 2)) {
            s = s.substring(2);
        }
        if (s.isEmpty()) {
            throw new Problem("expected AS followed by a number 0..4294967295, such as AS64500");
        }
        long value;
        int dot = s.indexOf('.');
        if (dot >= 0) { // asdot notation (RFC 5396): high.low
            long high = asnDigits(s.substring(0, dot), 65535);
            long low = asnDigits(s.substring(dot + 1), 65535);
            value = high * 65536 + low;
        } else {
            value = asnDigits(s, MAX_ASN);
        }
        return "AS" + value;
    }

    private static long asnDigits(String digits, long max) {
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> Texts.isAsciiDigit((char) c))) {
            throw new Problem("expected AS followed by a number 0..4294967295 (or asdot 0..65535.0..65535), "
                    + "such as AS64500");
        }
        long value = Long.parseLong(digits);
        if (value > max) {
            throw new Problem(value + " is out of range 0.." + max);
        }
        return value;
    }

    /** Why a value is invalid; turned into an {@link InvalidValueException} naming the value and its type. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String reason) {
            super(reason, null, false, false);
        }
    }
}
