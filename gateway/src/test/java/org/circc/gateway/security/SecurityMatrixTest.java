package org.circc.gateway.security;

import org.circc.gateway.GatewayTestSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route of api.md × every kind of caller: none (401), a role the route never admits (403), a role it
 * admits (routed to the owning service with the caller's own identity), and an operator of another
 * organisation (routed like any operator, carrying its own organisation: whether it may see the incident is
 * for the service to decide, 404). The table is written from api.md, not from {@link RouteAccessRules}, so
 * the two are checked against each other. The event streams are covered by the stream pass-through tests.
 * Its own application context (the property), because it opens the breakers of the two stand-ins that are down.
 */
@TestPropertySource(properties = "circc.gateway.routes.escalation-policies.response-timeout=1s")
class SecurityMatrixTest extends GatewayTestSupport {

    private static final String INCIDENT = "/api/v1/incidents/4b7f3c1e-0000-4000-8000-000000000001";

    private static final Set<String> ANY_ROLE = Set.of("operator", "responder", "coordinator", "admin");
    private static final Set<String> CENTER_STAFF = Set.of("responder", "coordinator", "admin");
    private static final Set<String> COORDINATION = Set.of("coordinator", "admin");

    /** api.md's route tables: method, path, owning service, roles that may use it. */
    private static final List<Route> ROUTES = List.of(
            new Route(HttpMethod.POST, "/api/v1/incidents", "intake", Set.of("operator")),
            new Route(HttpMethod.GET, "/api/v1/incidents", "timeline", ANY_ROLE),
            new Route(HttpMethod.GET, INCIDENT, "timeline", ANY_ROLE),
            new Route(HttpMethod.POST, INCIDENT + "/updates", "intake", Set.of("operator", "coordinator", "admin")),
            new Route(HttpMethod.POST, INCIDENT + "/withdraw", "intake", Set.of("operator")),
            new Route(HttpMethod.POST, INCIDENT + "/triage", "triage", COORDINATION),
            new Route(HttpMethod.POST, INCIDENT + "/acknowledge", "escalation", CENTER_STAFF),
            new Route(HttpMethod.POST, INCIDENT + "/contain", "intake", CENTER_STAFF),
            new Route(HttpMethod.POST, INCIDENT + "/resolve", "intake", CENTER_STAFF),
            new Route(HttpMethod.POST, INCIDENT + "/close", "intake", COORDINATION),
            new Route(HttpMethod.GET, INCIDENT + "/timeline", "timeline", ANY_ROLE),
            new Route(HttpMethod.GET, INCIDENT + "/state", "timeline", ANY_ROLE),
            new Route(HttpMethod.GET, INCIDENT + "/report", "timeline", COORDINATION),
            new Route(HttpMethod.GET, "/api/v1/campaigns/0b8e7d6c-5a4f-4e3d-8c2b-1a0f9e8d7c6b", "timeline", CENTER_STAFF),
            new Route(HttpMethod.GET, "/api/v1/board", "timeline", COORDINATION),
            new Route(HttpMethod.GET, "/api/v1/metrics/response", "timeline", COORDINATION),
            new Route(HttpMethod.POST, "/api/v1/stakeholders", "notification", COORDINATION),
            new Route(HttpMethod.GET, "/api/v1/stakeholders", "notification", COORDINATION),
            new Route(HttpMethod.GET, "/api/v1/stakeholders/rail-east-soc", "notification", COORDINATION),
            new Route(HttpMethod.PUT, "/api/v1/stakeholders/rail-east-soc", "notification", COORDINATION),
            new Route(HttpMethod.DELETE, "/api/v1/stakeholders/rail-east-soc", "notification", COORDINATION),
            new Route(HttpMethod.GET, "/api/v1/escalation-policies", "escalation", COORDINATION),
            new Route(HttpMethod.GET, "/api/v1/escalation-policies/default", "escalation", COORDINATION),
            new Route(HttpMethod.PUT, "/api/v1/escalation-policies/default", "escalation", COORDINATION),
            new Route(HttpMethod.GET, "/api/v1/deliveries", "notification", COORDINATION),
            new Route(HttpMethod.POST, "/api/v1/deliveries/3c2b1a09-8f7e-4d6c-9b5a-493827161504/resend", "notification", COORDINATION),
            new Route(HttpMethod.POST, "/api/v1/admin/rebuild", "timeline", Set.of("admin")),
            new Route(HttpMethod.GET, "/api/v1/admin/rebuild", "timeline", Set.of("admin")));

    /** The local profile's principals: key, principal, organisation, role. */
    private static final List<Caller> CALLERS = List.of(
            new Caller(OPERATOR_KEY, "ops@venue-tokyo", "venue-tokyo", "operator"),
            new Caller("op-rail-key", "ops@rail-east", "rail-east", "operator"),
            new Caller(RESPONDER_KEY, "responder-1", "circc", "responder"),
            new Caller(COORDINATOR_KEY, "coordinator-1", "circc", "coordinator"),
            new Caller(ADMIN_KEY, "admin", "circc", "admin"));

    record Route(HttpMethod method, String path, String service, Set<String> roles) {

        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    record Caller(String key, String principal, String organisation, String role) {

        @Override
        public String toString() {
            return principal;
        }
    }

    static Stream<Arguments> routes() {
        return ROUTES.stream().map(Arguments::of);
    }

    static Stream<Arguments> routesAndCallers() {
        List<Arguments> cases = new ArrayList<>();
        ROUTES.forEach(route -> CALLERS.forEach(caller -> cases.add(Arguments.of(route, caller))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} without a credential")
    @MethodSource("routes")
    void withoutACredentialEveryRouteIs401(Route route) {
        request(route, null).expectHeader().exists("WWW-Authenticate");
        assertProblem(request(route, null), 401);
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("routesAndCallers")
    void aRoleTheRouteNeverAdmitsIs403AndAnAdmittedOneReachesTheOwningServiceAsItself(Route route, Caller caller) {
        WebTestClient.ResponseSpec response = request(route, caller.key());

        if (!route.roles().contains(caller.role())) {
            assertThat(assertProblem(response, 403).get("detail")).asString().contains(caller.role());
        } else if (route.service().equals("triage") || route.service().equals("notification")) {
            // these two stand-ins are down in this test: admitted requests reach the breaker's fallback
            assertThat(assertProblem(response, 503).get("detail")).asString().contains(route.service());
        } else {
            Map<String, Object> echo = response.expectStatus().is2xxSuccessful()
                    .expectBody(JSON_OBJECT).returnResult().getResponseBody();
            assertThat(echo)
                    .containsEntry("service", route.service())
                    .containsEntry("principal", List.of(caller.principal()))
                    .containsEntry("organisation", List.of(caller.organisation()))
                    .containsEntry("roles", List.of(caller.role()))
                    .containsEntry("apiKey", null);
        }
    }

    private WebTestClient.ResponseSpec request(Route route, String apiKey) {
        WebTestClient.RequestBodySpec spec = client.method(route.method()).uri(route.path());
        if (apiKey != null) {
            spec.header("X-API-Key", apiKey);
        }
        if (route.method() == HttpMethod.POST || route.method() == HttpMethod.PUT) {
            return spec.contentType(MediaType.APPLICATION_JSON).bodyValue("{}").exchange();
        }
        return spec.exchange();
    }
}
