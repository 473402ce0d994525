package org.circc.platform.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.reactive.config.WebFluxConfigurer;
import org.springframework.web.reactive.result.method.annotation.ArgumentResolverConfigurer;

/** The web conventions of every service: caller identity from the gateway, problem details, command dispatch. */
@AutoConfiguration(after = AxonAutoConfiguration.class)
@Import(ProblemDetailsHandler.class)
public class WebConfiguration implements WebFluxConfigurer {

    @Override
    public void configureArgumentResolvers(ArgumentResolverConfigurer configurer) {
        configurer.addCustomResolver(new CallerArgumentResolver());
    }

    @Bean
    @ConditionalOnBean(CommandGateway.class)
    CommandDispatcher commandDispatcher(CommandGateway commandGateway) {
        return new CommandDispatcher(commandGateway);
    }
}
