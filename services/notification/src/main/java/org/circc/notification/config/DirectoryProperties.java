package org.circc.notification.config;

import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.Subscriptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.List;

/**
 * The seeded stakeholders, {@code circc.notification.stakeholders}, registered once at start-up
 * ({@link StakeholderSeeder}); clearance as a TLP label. Seeds have no webhooks (their secrets would sit in
 * configuration).
 */
@ConfigurationProperties("circc.notification")
public record DirectoryProperties(List<SeededStakeholder> stakeholders) {

    public record SeededStakeholder(String id, String name, StakeholderKind kind, String organisation,
                                    String principal, String clearance, List<Stakeholder.Channel> channels,
                                    Subscriptions subscriptions) {
    }

    public DirectoryProperties {
        stakeholders = stakeholders == null ? List.of() : List.copyOf(stakeholders);
    }

    public List<Stakeholder> toStakeholders() {
        return stakeholders.stream()
                .map(seed -> new Stakeholder(seed.id(), seed.name(), seed.kind(), seed.organisation(), seed.principal(),
                        Tlp.parse(seed.clearance()), seed.channels(), seed.subscriptions()))
                .toList();
    }
}
