package org.circc.gateway.security;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.http.HttpMethod;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The role matrix of api.md, row by row. */
class RouteAccessRulesTest {

    private static final String ID = "4b7f3c1e-0000-4000-8000-000000000001";

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            POST   | /api/v1/incidents                      | operator
            POST   | /api/v1/incidents/ID/updates           | operator coordinator admin
            POST   | /api/v1/incidents/ID/withdraw          | operator
            POST   | /api/v1/incidents/ID/triage            | coordinator admin
            POST   | /api/v1/incidents/ID/acknowledge       | responder coordinator admin
            POST   | /api/v1/incidents/ID/contain           | responder coordinator admin
            POST   | /api/v1/incidents/ID/resolve           | responder coordinator admin
            POST   | /api/v1/incidents/ID/close             | coordinator admin
            GET    | /api/v1/incidents                      | operator responder coordinator admin
            GET    | /api/v1/incidents/ID                   | operator responder coordinator admin
            GET    | /api/v1/incidents/ID/timeline          | operator responder coordinator admin
            GET    | /api/v1/incidents/ID/state             | operator responder coordinator admin
            GET    | /api/v1/incidents/ID/report            | coordinator admin
            GET    | /api/v1/campaigns/ID                   | responder coordinator admin
            GET    | /api/v1/stream                         | operator responder coordinator admin
            GET    | /api/v1/board                          | coordinator admin
            GET    | /api/v1/replay                         | coordinator admin
            GET    | /api/v1/metrics/response               | coordinator admin
            POST   | /api/v1/stakeholders                   | coordinator admin
            GET    | /api/v1/stakeholders                   | coordinator admin
            PUT    | /api/v1/stakeholders/responder-1       | coordinator admin
            DELETE | /api/v1/stakeholders/responder-1       | coordinator admin
            GET    | /api/v1/escalation-policies            | coordinator admin
            PUT    | /api/v1/escalation-policies/default    | coordinator admin
            GET    | /api/v1/deliveries                     | coordinator admin
            POST   | /api/v1/deliveries/ID/resend           | coordinator admin
            POST   | /api/v1/admin/rebuild                  | admin
            GET    | /api/v1/admin/rebuild                  | admin
            """)
    void rolesPerRoute(String method, String path, String roles) {
        Set<Role> expected = Arrays.stream(roles.split(" "))
                .map(role -> Role.valueOf(role.toUpperCase()))
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));

        assertThat(RouteAccessRules.rolesFor(HttpMethod.valueOf(method), path.replace("ID", ID))).contains(expected);
    }

    @ParameterizedTest(name = "{0} {1} has no route")
    @CsvSource(delimiter = '|', textBlock = """
            DELETE | /api/v1/incidents/ID
            PUT    | /api/v1/incidents/ID
            POST   | /api/v1/board
            GET    | /api/v1/unknown
            GET    | /fallback/intake
            GET    | /actuator/env
            GET    | /api/v1/board/
            """)
    void noRoute(String method, String path) {
        assertThat(RouteAccessRules.rolesFor(HttpMethod.valueOf(method), path.replace("ID", ID))).isEmpty();
    }

    @Test
    void adminMayDoEverythingACoordinatorMayPlusAdministration() {
        assertThat(RouteAccessRules.RULES)
                .filteredOn(rule -> rule.roles().contains(Role.COORDINATOR))
                .allSatisfy(rule -> assertThat(rule.roles()).contains(Role.ADMIN));
        assertThat(RouteAccessRules.RULES)
                .filteredOn(rule -> rule.pattern().getPatternString().startsWith("/api/v1/admin/"))
                .singleElement().satisfies(rule -> assertThat(rule.roles()).containsExactly(Role.ADMIN));
    }
}
