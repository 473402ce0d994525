package org.circc.gateway.web;

import io.micrometer.core.instrument.Tags;
import org.springframework.cloud.gateway.support.tagsprovider.GatewayTagsProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

/**
 * Adds {@code principalKind} to the gateway's request metrics ({@code spring.cloud.gateway.requests}): the
 * caller's roles (e.g. {@code operator}), never the principal's name, so the tag stays bounded.
 */
@Component
public class PrincipalKindTagsProvider implements GatewayTagsProvider {

    /** Exchange attribute the identity filter sets once the caller is authenticated. */
    public static final String ATTRIBUTE = PrincipalKindTagsProvider.class.getName() + ".kind";

    static final String ANONYMOUS = "anonymous";

    @Override
    public Tags apply(ServerWebExchange exchange) {
        return Tags.of("principalKind", exchange.getAttributeOrDefault(ATTRIBUTE, ANONYMOUS));
    }
}
