package org.circc.notification.command;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The stakeholders notification knows; seeded from configuration until the directory API exists (issue 6). */
public class StakeholderDirectory {

    private final Map<String, Stakeholder> byId;

    public StakeholderDirectory(List<Stakeholder> stakeholders) {
        this.byId = stakeholders.stream().collect(Collectors.toUnmodifiableMap(Stakeholder::id, Function.identity()));
    }

    public Optional<Stakeholder> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }
}
