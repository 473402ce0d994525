package org.circc.platform.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.identity.IdentityAssertion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

import java.time.Clock;

/** The web conventions of every service: caller identity from the gateway, problem details, command dispatch. */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@Import(ProblemDetailsHandler.class)
public class WebConfiguration implements WebFluxConfigurer {

    private static final Logger log = LoggerFactory.getLogger(WebConfiguration.class);

    private final IdentityAssertion identityAssertion;

    public WebConfiguration(Environment environment) {
        String secret = environment.getProperty("circc.identity.signing-secret", "");
        if (secret.isBlank()) {
            log.warn("circc.identity.signing-secret is not set: this service believes any identity headers it is sent; "
                    + "set it (the gateway's and the services' shared secret) wherever the service is reachable");
            this.identityAssertion = null;
        } else {
            this.identityAssertion = new IdentityAssertion(secret);
        }
    }

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CallerArgumentResolver(identityAssertion, Clock.systemUTC()));
    }

    @Bean
    @ConditionalOnBean(CommandGateway.class)
    CommandDispatcher commandDispatcher(CommandGateway commandGateway) {
        return new CommandDispatcher(commandGateway);
    }
}
