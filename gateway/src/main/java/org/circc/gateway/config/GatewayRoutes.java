package org.circc.gateway.config;

import org.circc.gateway.web.FallbackController;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.route.RouteLocator;
import org.springframework.cloud.gateway.route.builder.RouteLocatorBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

/**
 * Which service owns which path. Who may call a path is decided before routing, by
 * {@link org.circc.gateway.security.RouteAccessRules}.
 * <p>
 * Every route except the two event streams runs inside a circuit breaker named after the route, whose time
 * limiter is the route's response timeout (it runs until the service's response headers arrive: the body is
 * written outside it); when the service is down or too slow the caller is forwarded to
 * {@link FallbackController} (503 + {@code Retry-After}). The streams stay out of it: a quiet stream sends its
 * headers with its first event, which may be minutes away. Their connection failures become 503 in
 * {@link org.circc.gateway.web.GatewayErrorHandler}. Nothing is retried (see {@link ResilienceConfiguration}).
 */
@Configuration(proxyBeanMethods = false)
public class GatewayRoutes {

    public static final String INTAKE_COMMANDS = "intake-commands";
    public static final String TRIAGE_COMMANDS = "triage-commands";
    public static final String ESCALATION_COMMANDS = "escalation-commands";
    public static final String ESCALATION_POLICIES = "escalation-policies";
    public static final String NOTIFICATION_ADMIN = "notification-admin";
    public static final String NOTIFICATION_STREAM = "notification-stream";
    public static final String TIMELINE_READS = "timeline-reads";
    public static final String TIMELINE_REPLAY = "timeline-replay";
    public static final String TIMELINE_ADMIN = "timeline-admin";

    /** Routes behind a circuit breaker and time limiter. */
    public static final List<String> GUARDED_ROUTES = List.of(INTAKE_COMMANDS, TRIAGE_COMMANDS, ESCALATION_COMMANDS,
            ESCALATION_POLICIES, NOTIFICATION_ADMIN, TIMELINE_READS, TIMELINE_ADMIN);

    /** Server-sent-event routes: no circuit breaker, no time limit. */
    public static final List<String> STREAM_ROUTES = List.of(NOTIFICATION_STREAM, TIMELINE_REPLAY);

    @Bean
    RouteLocator circcRoutes(RouteLocatorBuilder builder, GatewayProperties properties) {
        rejectUnknownRouteSettings(properties);
        GatewayProperties.Services services = properties.services();
        return builder.routes()
                .route(INTAKE_COMMANDS, r -> r.method(POST).and().path(false,
                                "/api/v1/incidents",
                                "/api/v1/incidents/{id}/updates",
                                "/api/v1/incidents/{id}/withdraw",
                                "/api/v1/incidents/{id}/contain",
                                "/api/v1/incidents/{id}/resolve",
                                "/api/v1/incidents/{id}/close")
                        .filters(f -> f.circuitBreaker(guard(INTAKE_COMMANDS, "intake")))
                        .uri(services.intake()))
                .route(TRIAGE_COMMANDS, r -> r.method(POST).and().path(false, "/api/v1/incidents/{id}/triage")
                        .filters(f -> f.circuitBreaker(guard(TRIAGE_COMMANDS, "triage")))
                        .uri(services.triage()))
                .route(ESCALATION_COMMANDS, r -> r.method(POST).and().path(false, "/api/v1/incidents/{id}/acknowledge")
                        .filters(f -> f.circuitBreaker(guard(ESCALATION_COMMANDS, "escalation")))
                        .uri(services.escalation()))
                .route(ESCALATION_POLICIES, r -> r.path(false, "/api/v1/escalation-policies/**")
                        .filters(f -> f.circuitBreaker(guard(ESCALATION_POLICIES, "escalation")))
                        .uri(services.escalation()))
                .route(NOTIFICATION_ADMIN, r -> r.path(false, "/api/v1/stakeholders/**", "/api/v1/deliveries/**")
                        .filters(f -> f.circuitBreaker(guard(NOTIFICATION_ADMIN, "notification")))
                        .uri(services.notification()))
                .route(NOTIFICATION_STREAM, r -> r.method(GET).and().path(false, "/api/v1/stream")
                        .uri(services.notification()))
                .route(TIMELINE_REPLAY, r -> r.method(GET).and().path(false, "/api/v1/replay")
                        .uri(services.timeline()))
                .route(TIMELINE_READS, r -> r.method(GET).and().path(false,
                                "/api/v1/incidents/**",
                                "/api/v1/campaigns/**",
                                "/api/v1/board",
                                "/api/v1/metrics/**")
                        .filters(f -> f.circuitBreaker(guard(TIMELINE_READS, "timeline")))
                        .uri(services.timeline()))
                .route(TIMELINE_ADMIN, r -> r.path(false, "/api/v1/admin/**")
                        .filters(f -> f.circuitBreaker(guard(TIMELINE_ADMIN, "timeline")))
                        .uri(services.timeline()))
                .build();
    }

    private static Consumer<SpringCloudCircuitBreakerFilterFactory.Config> guard(String routeId, String service) {
        return config -> config.setName(routeId).setFallbackUri("forward:" + FallbackController.PATH + service);
    }

    private static void rejectUnknownRouteSettings(GatewayProperties properties) {
        Set<String> unknown = new TreeSet<>(properties.routes().keySet());
        GUARDED_ROUTES.forEach(unknown::remove);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("circc.gateway.routes names unknown or streaming routes " + unknown
                    + "; routes with a response timeout are " + GUARDED_ROUTES);
        }
    }
}
