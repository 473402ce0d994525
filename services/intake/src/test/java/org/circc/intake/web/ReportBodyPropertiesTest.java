package org.circc.intake.web;

import org.circc.contracts.identity.IdentityAssertion;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.circc.platform.web.CallerArgumentResolver;
import org.circc.platform.web.CommandDispatcher;
import org.circc.platform.web.ProblemDetailsHandler;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Whatever JSON arrives at intake's endpoints, the answer is a 2xx or a 4xx, never a 5xx. */
class ReportBodyPropertiesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FIELDS = List.of("title", "description", "category", "sector", "detectedAt",
            "tlp", "impact", "functional", "information", "recoverability", "affectedAssets", "observables", "type",
            "value", "note", "summary", "reason", "x");

    private static WebTestClient client;

    @BeforeContainer
    static void controller() {
        CommandDispatcher commands = mock(CommandDispatcher.class);
        when(commands.dispatch(any())).thenReturn(Mono.empty());
        IdempotentSubmissions idempotent = mock(IdempotentSubmissions.class);
        IncidentController controller = new IncidentController(commands,
                new IncidentReportValidator(Clock.fixed(Instant.parse("2026-07-24T12:00:00Z"), ZoneOffset.UTC)),
                idempotent, new ReportMetrics(new SimpleMeterRegistry()));
        client = WebTestClient.bindToController(controller)
                .controllerAdvice(new ProblemDetailsHandler())
                .argumentResolvers(resolvers -> resolvers.addCustomResolver(new CallerArgumentResolver(null, Clock.systemUTC())))
                .build();
    }

    @Property(tries = 300)
    void noReportBodyIsAServerError(@ForAll("bodies") Object body) throws Exception {
        assertNoServerError("/api/v1/incidents", "operator", JSON.writeValueAsString(body));
    }

    @Property(tries = 200)
    void noCommandBodyIsAServerError(@ForAll("bodies") Object body, @ForAll("routes") String route) throws Exception {
        assertNoServerError("/api/v1/incidents/3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b/" + route, "coordinator",
                JSON.writeValueAsString(body));
    }

    @Property(tries = 100)
    void theCanonicalHashDoesNotDependOnKeyOrder(@ForAll("objects") Map<String, Object> body) {
        Map<String, Object> reversed = new LinkedHashMap<>();
        List<String> keys = new java.util.ArrayList<>(body.keySet());
        java.util.Collections.reverse(keys);
        keys.forEach(key -> reversed.put(key, body.get(key)));

        assertThat(IdempotentSubmissions.canonicalSha256(reversed)).isEqualTo(IdempotentSubmissions.canonicalSha256(body));
    }

    private static void assertNoServerError(String uri, String role, String json) {
        var result = client.post().uri(uri)
                .header(IdentityAssertion.PRINCIPAL, "p")
                .header(IdentityAssertion.ORGANISATION, role.equals("operator") ? "venue-tokyo" : "circc")
                .header(IdentityAssertion.ROLES, role)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(json)
                .exchange()
                .expectBody(String.class)
                .returnResult();
        Statistics.collect(result.getStatus().value());
        assertThat(result.getStatus().is5xxServerError()).as("%s for %s", result.getStatus(), json).isFalse();
    }

    @Provide
    Arbitrary<String> routes() {
        return Arbitraries.of("updates", "withdraw", "contain", "resolve", "close");
    }

    @Provide
    Arbitrary<Object> bodies() {
        return Arbitraries.oneOf(objects().map(o -> (Object) o), json(3));
    }

    @Provide
    Arbitrary<Map<String, Object>> objects() {
        return Arbitraries.maps(Arbitraries.of(FIELDS), json(2)).ofMaxSize(10);
    }

    private static Arbitrary<Object> json(int depth) {
        Arbitrary<Object> leaf = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(30).map(s -> (Object) s),
                Arbitraries.of("availability:ddos", "games-ticketing", "TLP:RED", "2026-07-24T10:15:00Z",
                        "2026-07-24T10:15:00", "ipv4", "203.0.113.7", "high", "none", "", " ").map(s -> (Object) s),
                Arbitraries.integers().map(i -> (Object) i),
                Arbitraries.doubles().map(d -> (Object) d),
                Arbitraries.of(true, false).map(b -> (Object) b),
                Arbitraries.just(null));
        if (depth == 0) {
            return leaf;
        }
        return Arbitraries.oneOf(leaf,
                Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(Arbitraries.of(FIELDS), Arbitraries.lazy(() -> json(depth - 1))).ofMaxSize(5)
                        .map(m -> (Object) m));
    }
}
