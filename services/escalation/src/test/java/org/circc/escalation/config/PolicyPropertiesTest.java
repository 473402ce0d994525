package org.circc.escalation.config;

import org.circc.escalation.command.EscalationPolicy;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PolicyPropertiesTest {

    /** Binds the service's own application.yml (src/main/resources) as Spring Boot does. */
    private static PolicyProperties bindApplicationYml() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        return new Binder(ConfigurationPropertySources.from(sources))
                .bind("circc.escalation", PolicyProperties.class)
                .orElseThrow(() -> new AssertionError("circc.escalation is not in application.yml"));
    }

    @Test
    void theSeededDefaultPolicyOfApiMdBindsFromApplicationYml() throws IOException {
        List<EscalationPolicy> policies = bindApplicationYml().toPolicies();

        assertThat(policies).hasSize(1);
        EscalationPolicy policy = policies.get(0);
        assertThat(policy.id()).isEqualTo("default");
        assertThat(policy.version()).isEqualTo(1);
        assertThat(policy.minSeverity()).isEqualTo(3);
        assertThat(policy.sectors()).isEmpty();
        assertThat(policy.levels()).containsExactly(
                new EscalationPolicy.Level(1, List.of("csirt-oncall", "responder-1"), Duration.ofMinutes(5)),
                new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofMinutes(10)),
                new EscalationPolicy.Level(3, List.of("duty-coordinator", "circc-management"), Duration.ofMinutes(15)));
    }

    @Test
    void levelsAreNumberedFromOneInTheirConfiguredOrder() {
        PolicyProperties properties = new PolicyProperties(Map.of("rail", new PolicyProperties.Policy(2,
                List.of("railways"), List.of(
                        new PolicyProperties.Level(List.of("rail-east-soc"), Duration.ofMinutes(3), null),
                        new PolicyProperties.Level(List.of("duty-coordinator"), Duration.ofMinutes(7), null),
                        new PolicyProperties.Level(List.of("circc-management"), Duration.ofMinutes(11), 5)))));

        EscalationPolicy policy = properties.toPolicies().get(0);

        assertThat(policy.levels()).extracting(EscalationPolicy.Level::level).containsExactly(1, 2, 3);
        assertThat(policy.levels()).extracting(EscalationPolicy.Level::targets).containsExactly(
                List.of("rail-east-soc"), List.of("duty-coordinator"), List.of("circc-management"));
        assertThat(policy.level(2).ackWithin()).isEqualTo(Duration.ofMinutes(7));
        assertThat(policy.sectors()).containsExactly("railways");
        assertThat(policy.minSeverity()).isEqualTo(2);
        assertThat(policy.levels()).extracting(EscalationPolicy.Level::minSeverity).containsExactly(null, null, 5);
    }

    @Test
    void aPolicyWithoutSectorsNamesNone() {
        PolicyProperties properties = new PolicyProperties(Map.of("broad", new PolicyProperties.Policy(1, null,
                List.of(new PolicyProperties.Level(List.of("csirt-oncall"), Duration.ofMinutes(5), null)))));

        assertThat(properties.toPolicies()).singleElement()
                .satisfies(policy -> assertThat(policy.sectors()).isEmpty());
    }

    @Test
    void noConfiguredPoliciesMeansNone() {
        assertThat(new PolicyProperties(null).toPolicies()).isEmpty();
    }
}
