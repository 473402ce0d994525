package org.circc.contracts;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

import java.net.InetAddress;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Normalisation is idempotent, agrees with independent parsers, and fails only with InvalidValueException. */
class ObservablePropertiesTest {

    // ------------------------------------------------------------------ any input

    @Provide
    Arbitrary<String> messyInput() {
        return Arbitraries.strings()
                .withChars("0123456789abcdefABCDEFxXsS:.[]/@%-_?#+ \t~")
                .withCharRange('\u00e0', '\u00e5')
                .ofMaxLength(48);
    }

    @Property(tries = 2000)
    void anyInputIsEitherRejectedCleanlyOrNormalisedToAFixedPoint(@ForAll ObservableType type,
                                                                  @ForAll("messyInput") String raw) {
        Observable observable;
        try {
            observable = Observable.of(type, raw);
        } catch (InvalidValueException e) {
            assertThat(e.getMessage()).isNotBlank().doesNotContain("\n").doesNotContain("\t");
            return;
        }
        assertThat(Observable.of(type, observable.value())).isEqualTo(observable);
        assertThat(new Observable(type, observable.value())).isEqualTo(observable);
    }

    // ------------------------------------------------------------------ ipv4

    @Property
    void ipv4IsIdempotentAndMatchesTheOctets(@ForAll @Size(4) List<@IntRange(min = 0, max = 255) Integer> octets,
                                             @ForAll boolean padWithSpaces) throws Exception {
        String dotted = octets.get(0) + "." + octets.get(1) + "." + octets.get(2) + "." + octets.get(3);
        Observable observable = Observable.of(ObservableType.IPV4, padWithSpaces ? " " + dotted + " " : dotted);
        assertThat(observable.value()).isEqualTo(dotted);
        assertThat(Observable.of(ObservableType.IPV4, observable.value())).isEqualTo(observable);
        byte[] bytes = InetAddress.getByName(observable.value()).getAddress(); // a numeric literal: no lookup
        for (int i = 0; i < 4; i++) {
            assertThat(bytes[i] & 0xff).isEqualTo(octets.get(i));
        }
    }

    // ------------------------------------------------------------------ ipv6

    @Provide
    Arbitrary<int[]> ipv6Groups() {
        Arbitrary<Integer> group = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(5, Arbitraries.just(0)),
                net.jqwik.api.Tuple.of(1, Arbitraries.just(0xffff)),
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, 0xffff)));
        return group.array(int[].class).ofSize(8);
    }

    /** Writes the groups the way a sloppy client might: any case, leading zeros, some zero run compressed. */
    private static String sloppyIpv6(int[] groups, boolean upper, boolean pad, int compressFrom) {
        StringBuilder sb = new StringBuilder();
        int zeroRunEnd = compressFrom;
        while (zeroRunEnd < 8 && compressFrom >= 0 && groups[zeroRunEnd] == 0) {
            zeroRunEnd++;
        }
        boolean compress = compressFrom >= 0 && compressFrom < 8 && zeroRunEnd > compressFrom;
        for (int i = 0; i < 8; i++) {
            if (compress && i == compressFrom) {
                sb.append("::");
                i = zeroRunEnd - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            String hex = pad ? String.format("%04x", groups[i]) : Integer.toHexString(groups[i]);
            sb.append(upper ? hex.toUpperCase(Locale.ROOT) : hex);
        }
        return sb.toString();
    }

    @Property(tries = 1000)
    void ipv6IsRfc5952AndDenotesTheSameAddress(@ForAll("ipv6Groups") int[] groups, @ForAll boolean upper,
                                               @ForAll boolean pad, @ForAll @IntRange(min = -1, max = 7) int compressFrom)
            throws Exception {
        String raw = sloppyIpv6(groups, upper, pad, compressFrom);
        Observable observable = Observable.of(ObservableType.IPV6, raw);
        String value = observable.value();

        assertThat(Observable.of(ObservableType.IPV6, value)).isEqualTo(observable);
        assertThat(value).isEqualTo(value.toLowerCase(Locale.ROOT));

        // the same 128 bits, as read by the JDK's literal parser (a literal: no name lookup)
        byte[] expected = new byte[16];
        for (int i = 0; i < 8; i++) {
            expected[2 * i] = (byte) (groups[i] >> 8);
            expected[2 * i + 1] = (byte) groups[i];
        }
        byte[] actual = InetAddress.getByName("[" + value + "]").getAddress();
        boolean mapped = isIpv4Mapped(groups);
        if (mapped) {
            assertThat(value).startsWith("::ffff:").contains(".");
            assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(expected).substring(24));
            return;
        }
        assertThat(HexFormat.of().formatHex(actual)).isEqualTo(HexFormat.of().formatHex(expected));

        // RFC 5952: no leading zeros, "::" only for the longest (first) run of at least two zero groups
        int longest = 0;
        int longestStart = -1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > longest) {
                longest = j - i;
                longestStart = i;
            }
            i = Math.max(j, i + 1);
        }
        String[] halves = value.split("::", -1);
        if (longest >= 2) {
            assertThat(halves).hasSize(2);
            int written = (halves[0].isEmpty() ? 0 : halves[0].split(":").length)
                    + (halves[1].isEmpty() ? 0 : halves[1].split(":").length);
            assertThat(8 - written).isEqualTo(longest);
            int headGroups = halves[0].isEmpty() ? 0 : halves[0].split(":").length;
            assertThat(headGroups).isEqualTo(longestStart);
        } else {
            assertThat(halves).hasSize(1);
            assertThat(value.split(":")).hasSize(8);
        }
        for (String half : halves) {
            if (!half.isEmpty()) {
                for (String group : half.split(":")) {
                    assertThat(group).hasSizeBetween(1, 4).matches("0|[1-9a-f][0-9a-f]*");
                }
            }
        }
    }

    private static boolean isIpv4Mapped(int[] g) {
        return g[0] == 0 && g[1] == 0 && g[2] == 0 && g[3] == 0 && g[4] == 0 && g[5] == 0xffff;
    }

    // ------------------------------------------------------------------ domain, url, email

    @Provide
    Arbitrary<String> domains() {
        Arbitrary<String> label = Combinators.combine(
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                                .ofMinLength(1).ofMaxLength(1),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                                .withChars('-').ofMaxLength(20),
                        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofMinLength(1).ofMaxLength(1))
                .as((first, middle, last) -> first + middle + last);
        Arbitrary<String> tld = Arbitraries.of("jp", "COM", "org", "Example", "xn--wgbh1c");
        return Combinators.combine(label.list().ofMinSize(1).ofMaxSize(4), tld, Arbitraries.of("", "."))
                .as((labels, top, dot) -> String.join(".", labels) + "." + top + dot);
    }

    @Property
    void domainsAreLowerCasedWithoutTrailingDotAndIdempotent(@ForAll("domains") String raw) {
        Observable observable = Observable.of(ObservableType.DOMAIN, raw);
        String expected = raw.toLowerCase(Locale.ROOT);
        if (expected.endsWith(".")) {
            expected = expected.substring(0, expected.length() - 1);
        }
        assertThat(observable.value()).isEqualTo(expected);
        assertThat(Observable.of(ObservableType.DOMAIN, observable.value())).isEqualTo(observable);
    }

    @Property
    void urlsKeepTheirPathAndAreIdempotent(@ForAll("domains") String host, @ForAll("schemes") String scheme,
                                           @ForAll @IntRange(min = 0, max = 65535) int port,
                                           @ForAll("paths") String path) {
        String raw = scheme + "://" + host + (port == 0 ? "" : ":" + port) + path;
        Observable observable = Observable.of(ObservableType.URL, raw);
        String value = observable.value();
        assertThat(Observable.of(ObservableType.URL, value)).isEqualTo(observable);
        String lowerScheme = scheme.toLowerCase(Locale.ROOT);
        int defaultPort = switch (lowerScheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> 21;
        };
        String expectedPort = port == 0 || port == defaultPort ? "" : ":" + port;
        String expectedPath = path.isEmpty() ? "/" : path;
        assertThat(value).isEqualTo(lowerScheme + "://" + Observable.of(ObservableType.DOMAIN, host).value()
                + expectedPort + expectedPath);
    }

    @Provide
    Arbitrary<String> schemes() {
        return Arbitraries.of("http", "https", "ftp", "HTTP", "Https");
    }

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withChars("/?=&#%._~-").ofMaxLength(30)
                .map(s -> s.isEmpty() ? "" : "/" + s);
    }

    @Property
    void emailsKeepTheLocalPartAndNormaliseTheDomain(@ForAll("domains") String domain, @ForAll("localParts") String local) {
        Observable observable = Observable.of(ObservableType.EMAIL, local + "@" + domain);
        assertThat(observable.value()).isEqualTo(local + "@" + Observable.of(ObservableType.DOMAIN, domain).value());
        assertThat(Observable.of(ObservableType.EMAIL, observable.value())).isEqualTo(observable);
    }

    @Provide
    Arbitrary<String> localParts() {
        Arbitrary<String> atom = Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z').withCharRange('0', '9')
                .withChars("!#$%&'*+/=?^_`{|}~-").ofMinLength(1).ofMaxLength(10);
        return atom.list().ofMinSize(1).ofMaxSize(3).map(atoms -> String.join(".", atoms));
    }

    // ------------------------------------------------------------------ hashes, asn

    @Property
    void hashesAreLowerCaseHexOfTheirLength(@ForAll @Size(32) byte[] bytes, @ForAll boolean upper) {
        String hex = HexFormat.of().formatHex(bytes);
        for (ObservableType type : List.of(ObservableType.SHA256, ObservableType.SHA1, ObservableType.MD5)) {
            int length = type == ObservableType.SHA256 ? 64 : type == ObservableType.SHA1 ? 40 : 32;
            String raw = upper ? hex.substring(0, length).toUpperCase(Locale.ROOT) : hex.substring(0, length);
            Observable observable = Observable.of(type, raw);
            assertThat(observable.value()).isEqualTo(hex.substring(0, length));
            assertThat(Observable.of(type, observable.value())).isEqualTo(observable);
            for (ObservableType other : List.of(ObservableType.SHA256, ObservableType.SHA1, ObservableType.MD5)) {
                if (other != type) {
                    assertThat(catchThrowable(() -> Observable.of(other, raw))).isInstanceOf(InvalidValueException.class);
                }
            }
        }
    }

    @Property
    void asnsInEveryAcceptedSpellingNormaliseToTheSameValue(@ForAll @LongRange(min = 0, max = 4_294_967_295L) long number,
                                                             @ForAll("asnPrefixes") String prefix) {
        Observable observable = Observable.of(ObservableType.ASN, prefix + number);
        assertThat(observable.value()).isEqualTo("AS" + number);
        assertThat(Observable.of(ObservableType.ASN, observable.value())).isEqualTo(observable);
        assertThat(Observable.of(ObservableType.ASN, (number >> 16) + "." + (number & 0xffff))).isEqualTo(observable);
    }

    @Provide
    Arbitrary<String> asnPrefixes() {
        return Arbitraries.of("", "AS", "as", "As", "aS");
    }

    @Property
    void asnsAboveTheRangeAreRejected(@ForAll @LongRange(min = 4_294_967_296L, max = 9_999_999_999L) long number) {
        assertThat(catchThrowable(() -> Observable.of(ObservableType.ASN, "AS" + number)))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("out of range 0..4294967295");
    }

    // ------------------------------------------------------------------ json

    @Property
    void jsonRoundTripKeepsNormalisedObservables(@ForAll("ipv6Groups") int[] groups) throws Exception {
        Observable observable = Observable.of(ObservableType.IPV6, sloppyIpv6(groups, true, true, -1));
        assertThat(Json.read(Json.write(observable), Observable.class)).isEqualTo(observable);
    }
}
