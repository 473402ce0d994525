package org.circc.contracts;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.HashSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.circc.contracts.ObservableType.ASN;
import static org.circc.contracts.ObservableType.DOMAIN;
import static org.circc.contracts.ObservableType.EMAIL;
import static org.circc.contracts.ObservableType.IPV4;
import static org.circc.contracts.ObservableType.IPV6;
import static org.circc.contracts.ObservableType.MD5;
import static org.circc.contracts.ObservableType.SHA1;
import static org.circc.contracts.ObservableType.SHA256;
import static org.circc.contracts.ObservableType.URL;

class ObservableTest {

    private static void assertNormalises(ObservableType type, String raw, String expected) {
        Observable observable = Observable.of(type, raw);
        assertThat(observable.type()).isEqualTo(type);
        assertThat(observable.value()).isEqualTo(expected);
        assertThat(Observable.of(type, expected)).isEqualTo(observable);
        assertThat(new Observable(type, expected)).isEqualTo(observable);
    }

    private static void assertRejected(ObservableType type, String raw, String messageContains) {
        assertThatThrownBy(() -> Observable.of(type, raw))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("'" + raw + "' is not a valid " + type.description())
                .hasMessageContaining(messageContains);
    }

    @Nested
    class Ipv4 {
        @ParameterizedTest
        @CsvSource({"203.0.113.7, 203.0.113.7", "' 0.0.0.0 ', 0.0.0.0", "255.255.255.255, 255.255.255.255",
                "10.0.0.1, 10.0.0.1"})
        void accepts(String raw, String expected) {
            assertNormalises(IPV4, raw, expected);
        }

        @Test
        void rejectsOutOfRangeOctetsWithTheDocumentedMessage() {
            assertThatThrownBy(() -> Observable.of(IPV4, "300.1.1.1"))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("'300.1.1.1' is not a valid ipv4 address: octet 300 is out of range 0..255");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "010.0.0.1     | leading zero",
                "1.2.3         | expected four decimal octets",
                "1.2.3.4.5     | expected four decimal octets",
                "1..3.4        | empty octet",
                "1.2.3.a       | octet 'a' is not a decimal number",
                "1.2.3.-4      | is not a decimal number",
                "1.2.3.4/24    | is not a decimal number",
                "1.2.3.٣       | is not a decimal number",
                "1.2.3.1000    | is not a decimal number"})
        void rejects(String raw, String reason) {
            assertRejected(IPV4, raw, reason);
        }
    }

    @Nested
    class Ipv6 {
        @ParameterizedTest
        @CsvSource({
                "2001:DB8:0:0:0:0:0:1, 2001:db8::1",
                "2001:0db8:0000:0000:0000:0000:0000:0001, 2001:db8::1",
                "2001:db8::0:1, 2001:db8::1",
                "2001:db8:0:0:1:0:0:1, 2001:db8::1:0:0:1",
                "2001:db8:0:1:1:1:1:1, 2001:db8:0:1:1:1:1:1",
                "2001:db8:0:0:1:0:0:0, 2001:db8:0:0:1::",
                "0:0:0:0:0:0:0:0, ::",
                "::, ::",
                "::1, ::1",
                "1::, 1::",
                "1:2:3:4:5:6:7::, 1:2:3:4:5:6:7:0",
                "::2:3:4:5:6:7:8, 0:2:3:4:5:6:7:8",
                "fe80:0:0:0:200:f8ff:fe21:67cf, fe80::200:f8ff:fe21:67cf",
                "[2001:db8::1], 2001:db8::1",
                "::ffff:192.0.2.1, ::ffff:192.0.2.1",
                "::FFFF:c000:0201, ::ffff:192.0.2.1",
                "0:0:0:0:0:ffff:192.0.2.1, ::ffff:192.0.2.1",
                "64:ff9b::192.0.2.33, 64:ff9b::c000:221",
                "' 2001:db8::1 ', 2001:db8::1"})
        void acceptsAndWritesRfc5952(String raw, String expected) {
            assertNormalises(IPV6, raw, expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "2001:db8::1::1          | '::' may appear only once",
                "1:2:3:4:5:6:7           | found 7",
                "1:2:3:4:5:6:7:8:9       | found 9",
                "1:2:3:4:5:6:7:8::       | too many groups",
                "2001:db8::12345         | more than four hexadecimal digits",
                "2001:db8::g             | is not hexadecimal",
                ":1:2:3:4:5:6:7          | empty group",
                "1:2:3:4:5:6:7:          | empty group",
                "fe80::1%eth0            | zone identifiers",
                "2001:db8::/32           | prefix lengths",
                "::ffff:300.0.0.1        | embedded ipv4 address '300.0.0.1' is invalid",
                "1.2.3.4::               | may only end the address",
                "example.com             | embedded ipv4 address 'example.com' is invalid",
                "1.2.3.4                 | found 2"})
        void rejects(String raw, String reason) {
            assertRejected(IPV6, raw, reason);
        }
    }

    @Nested
    class Domain {
        @ParameterizedTest
        @CsvSource({"Example.COM, example.com", "tickets.example.jp., tickets.example.jp",
                "' a-b.example ', a-b.example", "xn--r8jz45g.jp, xn--r8jz45g.jp", "例え.jp, xn--r8jz45g.jp",
                "1password.com, 1password.com", "a.b.c.d.e.f, a.b.c.d.e.f"})
        void accepts(String raw, String expected) {
            assertNormalises(DOMAIN, raw, expected);
        }

        @Test
        void acceptsTheLongestLabelAndName() {
            String label63 = "a".repeat(63);
            assertNormalises(DOMAIN, label63 + ".jp", label63 + ".jp");
            String name253 = String.join(".", label63, label63, label63, "a".repeat(61));
            assertThat(name253).hasSize(253);
            assertNormalises(DOMAIN, name253, name253);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "localhost             | at least two labels",
                "example..com          | empty label",
                ".example.com          | empty label",
                "example.com..         | empty label",
                "-bad.example.com      | starts or ends with a hyphen",
                "bad-.example.com      | starts or ends with a hyphen",
                "under_score.example   | contains '_'",
                "exa mple.com          | contains ' '",
                "192.0.2.1             | use type ipv4",
                "example.com/path      | contains '/'"})
        void rejects(String raw, String reason) {
            assertRejected(DOMAIN, raw, reason);
        }

        @Test
        void rejectsTooLongLabelsAndNames() {
            String label64 = "a".repeat(64);
            assertRejected(DOMAIN, label64 + ".jp", "is longer than 63 characters");
            String name254 = String.join(".", "a".repeat(63), "a".repeat(63), "a".repeat(63), "a".repeat(62));
            assertThatThrownBy(() -> Observable.of(DOMAIN, name254))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessageContaining("longer than 253 characters (254)")
                    .hasMessageContaining("...'"); // long input is shortened in the message
        }
    }

    @Nested
    class Url {
        @ParameterizedTest
        @CsvSource({
                "HTTPS://Tickets.Example.JP/Login?Next=/Home, https://tickets.example.jp/Login?Next=/Home",
                "http://example.com, http://example.com/",
                "http://example.com:80/a, http://example.com/a",
                "https://example.com:443, https://example.com/",
                "https://example.com:8443/a#Frag, https://example.com:8443/a#Frag",
                "ftp://files.example.org:21/pub/x.bin, ftp://files.example.org/pub/x.bin",
                "http://203.0.113.7:8080/gate.php, http://203.0.113.7:8080/gate.php",
                "http://[2001:DB8:0:0::1]:8080/, http://[2001:db8::1]:8080/",
                "http://user:Pass@Example.com/x, http://user:Pass@example.com/x",
                "http://example.com?q=1, http://example.com/?q=1",
                "http://example.com.:/x, http://example.com/x",
                "http://例え.jp/パス, http://xn--r8jz45g.jp/パス"})
        void acceptsAndNormalisesSchemeHostAndPort(String raw, String expected) {
            assertNormalises(URL, raw, expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "javascript:alert(1)             | expected an absolute url",
                "example.com/path                | expected an absolute url",
                "mailto:a@example.com            | expected an absolute url",
                "file:///etc/passwd              | unsupported scheme 'file'",
                "http:///path                    | no host",
                "http://exa_mple.com/            | host 'exa_mple.com' is not a valid domain name",
                "http://300.1.1.1/               | host '300.1.1.1' is not a valid ipv4 address",
                "http://[::g]/                   | is not a valid ipv6 address",
                "http://[::1/                    | unterminated '['",
                "http://example.com:0/           | port 0 is out of range",
                "http://example.com:70000/       | port 70000 is out of range 1..65535",
                "http://example.com:http/        | is not a number 1..65535",
                "http://example.com/a b          | whitespace or a control character"})
        void rejects(String raw, String reason) {
            assertRejected(URL, raw, reason);
        }

        @Test
        void rejectsControlCharactersAndEscapesThemInTheMessage() {
            assertThatThrownBy(() -> Observable.of(URL, "http://example.com/\r\nX-Injected: 1"))
                    .isInstanceOf(InvalidValueException.class)
                    .hasMessage("'http://example.com/\\r\\nX-Injected: 1' is not a valid url: "
                            + "contains whitespace or a control character; percent-encode it");
        }
    }

    @Nested
    class Email {
        @ParameterizedTest
        @CsvSource({"soc@Example.JP, soc@example.jp", "First.Last+tag@Mail.Example.com., First.Last+tag@mail.example.com",
                "mailto:ops@venue-tokyo.example, ops@venue-tokyo.example", "o'brien@example.ie, o'brien@example.ie"})
        void acceptsAndNormalisesTheDomainOnly(String raw, String expected) {
            assertNormalises(EMAIL, raw, expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "soc.example.jp        | expected local-part@domain",
                "@example.jp           | empty local part",
                "soc@                  | empty domain",
                "so c@example.jp       | local part contains ' '",
                ".soc@example.jp       | may not start or end with a dot",
                "s..oc@example.jp      | two dots in a row",
                "soc@localhost         | domain 'localhost' is not valid",
                "a@b@example.jp        | local part contains '@'"})
        void rejects(String raw, String reason) {
            assertRejected(EMAIL, raw, reason);
        }

        @Test
        void rejectsTooLongLocalParts() {
            assertRejected(EMAIL, "a".repeat(65) + "@example.jp", "local part longer than 64 characters");
        }
    }

    @Nested
    class Hashes {
        private static final String SHA256_HEX = "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855";

        @Test
        void acceptsHexOfTheExactLengthInLowerCase() {
            assertNormalises(SHA256, SHA256_HEX, SHA256_HEX.toLowerCase());
            assertNormalises(SHA1, " DA39A3EE5E6B4B0D3255BFEF95601890AFD80709 ", "da39a3ee5e6b4b0d3255bfef95601890afd80709");
            assertNormalises(MD5, "D41D8CD98F00B204E9800998ECF8427E", "d41d8cd98f00b204e9800998ecf8427e");
        }

        @Test
        void rejectsWrongLengthsAndNonHex() {
            assertRejected(SHA256, "abc", "expected 64 hexadecimal characters, got 3");
            assertRejected(SHA1, SHA256_HEX, "expected 40 hexadecimal characters, got 64");
            assertRejected(MD5, "d41d8cd98f00b204e9800998ecf8427g", "contains 'g'");
            assertRejected(MD5, "0xd41d8cd98f00b204e9800998ecf842", "contains 'x'");
        }
    }

    @Nested
    class Asn {
        @ParameterizedTest
        @CsvSource({"AS64500, AS64500", "as64500, AS64500", "64500, AS64500", "' As64500 ', AS64500", "AS0, AS0",
                "AS4294967295, AS4294967295", "AS064500, AS64500", "AS1.10, AS65546", "0.0, AS0"})
        void acceptsPlainPrefixedAndAsdotForms(String raw, String expected) {
            assertNormalises(ASN, raw, expected);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "AS4294967296   | 4294967296 is out of range 0..4294967295",
                "AS             | expected AS followed by a number",
                "AS-1           | expected AS followed by a number",
                "ASN64500       | expected AS followed by a number",
                "AS65536.0      | 65536 is out of range 0..65535",
                "AS 64500       | expected AS followed by a number",
                "AS99999999999  | expected AS followed by a number"})
        void rejects(String raw, String reason) {
            assertRejected(ASN, raw, reason);
        }
    }

    @Test
    void rejectsMissingTypeOrValue() {
        assertThatThrownBy(() -> Observable.of((ObservableType) null, "203.0.113.7"))
                .isInstanceOf(InvalidValueException.class).hasMessageStartingWith("observable type is required");
        assertThatThrownBy(() -> Observable.of(IPV4, null))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("observable value is required; expected an ipv4 address");
        assertThatThrownBy(() -> Observable.of(DOMAIN, "  "))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("observable value is required; expected a domain name");
    }

    @Test
    void ofWithATypeSlugParsesTheType() {
        assertThat(Observable.of("ipv4", "203.0.113.7")).isEqualTo(Observable.of(IPV4, "203.0.113.7"));
        assertThat(Observable.of("SHA1", "DA39A3EE5E6B4B0D3255BFEF95601890AFD80709").type()).isEqualTo(SHA1);
        assertThatThrownBy(() -> Observable.of("ip", "203.0.113.7"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageStartingWith("unknown observable type 'ip'; expected one of ipv4, ipv6,");
    }

    @Test
    void canonicalConstructorRejectsValuesNotInNormalForm() {
        assertThatThrownBy(() -> new Observable(DOMAIN, "Example.com"))
                .isInstanceOf(InvalidValueException.class)
                .hasMessage("'Example.com' is not the normal form of this domain observable; expected 'example.com'");
        assertThatThrownBy(() -> new Observable(IPV6, "2001:db8:0:0:0:0:0:1"))
                .hasMessageContaining("expected '2001:db8::1'");
        assertThatThrownBy(() -> new Observable(IPV4, "300.1.1.1"))
                .hasMessage("'300.1.1.1' is not a valid ipv4 address: octet 300 is out of range 0..255");
        assertThatThrownBy(() -> new Observable(null, "x")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void equalityIsOnNormalisedValues() {
        assertThat(Observable.of(IPV6, "2001:DB8::0:1")).isEqualTo(Observable.of(IPV6, "2001:db8:0:0:0:0:0:1"))
                .hasSameHashCodeAs(Observable.of(IPV6, "2001:db8::1"));
        assertThat(new HashSet<>(List.of(Observable.of(DOMAIN, "Example.com."), Observable.of(DOMAIN, "example.com"))))
                .hasSize(1);
        assertThat(Observable.of(ASN, "as64500")).isEqualTo(Observable.of(ASN, "64500"));
        assertThat(Observable.of(DOMAIN, "example.com")).isNotEqualTo(Observable.of(URL, "http://example.com"));
        assertThat(Observable.of(IPV4, "203.0.113.7")).hasToString("ipv4:203.0.113.7");
    }

    @Test
    void serialisesAsTypeAndValue() {
        assertThat(Json.write(Observable.of(IPV4, "203.0.113.7")))
                .isEqualTo("{\"type\":\"ipv4\",\"value\":\"203.0.113.7\"}");
        assertThat(Json.write(Observable.of(ASN, "64500"))).isEqualTo("{\"type\":\"asn\",\"value\":\"AS64500\"}");
    }

    @Test
    void deserialisesAndNormalises() throws Exception {
        Observable observable = Json.read("{\"value\":\" 2001:DB8:0::1 \",\"type\":\"IPv6\"}", Observable.class);
        assertThat(observable).isEqualTo(new Observable(IPV6, "2001:db8::1"));

        List<Observable> list = List.of(Observable.of(IPV4, "203.0.113.7"), Observable.of(DOMAIN, "tickets.example.jp"),
                Observable.of(URL, "https://tickets.example.jp/"), Observable.of(EMAIL, "soc@example.jp"),
                Observable.of(SHA256, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
                Observable.of(MD5, "d41d8cd98f00b204e9800998ecf8427e"), Observable.of(ASN, "AS64500"),
                Observable.of(IPV6, "::ffff:192.0.2.1"), Observable.of(SHA1, "da39a3ee5e6b4b0d3255bfef95601890afd80709"));
        assertThat(Json.read(Json.write(list), new TypeReference<List<Observable>>() { })).isEqualTo(list);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"type\":\"ipv4\",\"value\":\"300.1.1.1\"}|'300.1.1.1' is not a valid ipv4 address",
            "{\"type\":\"hostname\",\"value\":\"x\"}|unknown observable type 'hostname'",
            "{\"value\":\"203.0.113.7\"}|observable type is required",
            "{\"type\":\"ipv4\"}|observable value is required"})
    void invalidJsonFailsWithTheValidationMessage(String jsonAndMessage) {
        String[] parts = jsonAndMessage.split("\\|");
        assertThatThrownBy(() -> Json.read(parts[0], Observable.class))
                .isInstanceOf(ValueInstantiationException.class)
                .hasRootCauseInstanceOf(InvalidValueException.class)
                .hasMessageContaining(parts[1]);
    }
}
