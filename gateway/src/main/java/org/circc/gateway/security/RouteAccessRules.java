package org.circc.gateway.security;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.circc.gateway.security.Role.ADMIN;
import static org.circc.gateway.security.Role.COORDINATOR;
import static org.circc.gateway.security.Role.OPERATOR;
import static org.circc.gateway.security.Role.RESPONDER;

/**
 * Which roles may ever use which route (api.md, "Role, then visibility"). The first row matching the method and
 * path decides: a role not in it gets 403. A request no row matches is a 404, for every role: the gateway has
 * no such route. Whether a caller may see or act on a particular incident is for the owning service to decide.
 */
public final class RouteAccessRules implements ReactiveAuthorizationManager<AuthorizationContext> {

    private static final Set<HttpMethod> ANY = null;
    private static final Set<HttpMethod> GET = Set.of(HttpMethod.GET);
    private static final Set<HttpMethod> POST = Set.of(HttpMethod.POST);

    static final List<Rule> RULES = List.of(
            //   method  path                                    roles that may use it
            rule(POST, "/api/v1/incidents",                      OPERATOR),
            rule(POST, "/api/v1/incidents/{id}/updates",         OPERATOR, COORDINATOR, ADMIN),
            rule(POST, "/api/v1/incidents/{id}/withdraw",        OPERATOR),
            rule(POST, "/api/v1/incidents/{id}/triage",          COORDINATOR, ADMIN),
            rule(POST, "/api/v1/incidents/{id}/acknowledge",     RESPONDER, COORDINATOR, ADMIN),
            rule(POST, "/api/v1/incidents/{id}/contain",         RESPONDER, COORDINATOR, ADMIN),
            rule(POST, "/api/v1/incidents/{id}/resolve",         RESPONDER, COORDINATOR, ADMIN),
            rule(POST, "/api/v1/incidents/{id}/close",           COORDINATOR, ADMIN),
            rule(GET,  "/api/v1/incidents/{id}/report",          COORDINATOR, ADMIN),
            rule(GET,  "/api/v1/incidents/**",                   OPERATOR, RESPONDER, COORDINATOR, ADMIN),
            rule(GET,  "/api/v1/campaigns/**",                   RESPONDER, COORDINATOR, ADMIN),
            rule(GET,  "/api/v1/stream",                         OPERATOR, RESPONDER, COORDINATOR, ADMIN),
            rule(GET,  "/api/v1/board",                          COORDINATOR, ADMIN),
            rule(GET,  "/api/v1/replay",                         COORDINATOR, ADMIN),
            rule(GET,  "/api/v1/metrics/**",                     COORDINATOR, ADMIN),
            rule(ANY,  "/api/v1/stakeholders/**",                COORDINATOR, ADMIN),
            rule(ANY,  "/api/v1/escalation-policies/**",         COORDINATOR, ADMIN),
            rule(ANY,  "/api/v1/deliveries/**",                  COORDINATOR, ADMIN),
            rule(ANY,  "/api/v1/admin/**",                       ADMIN));

    /** The roles that may use {@code method path}; empty when the gateway has no such route. */
    public static Optional<Set<Role>> rolesFor(HttpMethod method, String path) {
        PathContainer container = PathContainer.parsePath(path);
        return RULES.stream().filter(rule -> rule.matches(method, container)).findFirst().map(Rule::roles);
    }

    @Override
    public Mono<AuthorizationDecision> check(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerWebExchange exchange = context.getExchange();
        return authentication
                .filter(Authentication::isAuthenticated)
                .map(Authentication::getPrincipal)
                .ofType(GatewayPrincipal.class)
                .map(principal -> new AuthorizationDecision(principal.hasAnyOf(allowedRoles(exchange))))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }

    private static Set<Role> allowedRoles(ServerWebExchange exchange) {
        HttpMethod method = exchange.getRequest().getMethod();
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        return RULES.stream().filter(rule -> rule.matches(method, path)).findFirst().map(Rule::roles)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    private static Rule rule(Set<HttpMethod> methods, String pattern, Role... roles) {
        return new Rule(methods, PathPatternParser.defaultInstance.parse(pattern), EnumSet.of(roles[0], roles));
    }

    record Rule(Set<HttpMethod> methods, PathPattern pattern, Set<Role> roles) {

        boolean matches(HttpMethod method, PathContainer path) {
            return (methods == ANY || methods.contains(method)) && pattern.matches(path);
        }
    }
}
