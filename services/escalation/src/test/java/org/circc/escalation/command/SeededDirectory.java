package org.circc.escalation.command;

import org.circc.contracts.Sector;
import org.circc.contracts.events.StakeholderKind;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** api.md's seeded stakeholders, as escalation's copy of the directory would hold them. */
public final class SeededDirectory implements StakeholderDirectory {

    private static final Map<String, Stakeholder> STAKEHOLDERS = Map.of(
            "responder-1", new Stakeholder("responder-1", StakeholderKind.person, "circc", "responder-1"),
            "duty-coordinator", new Stakeholder("duty-coordinator", StakeholderKind.person, "circc", "coordinator-1"),
            "csirt-oncall", new Stakeholder("csirt-oncall", StakeholderKind.team, "circc", null),
            "circc-management", new Stakeholder("circc-management", StakeholderKind.team, "circc", null),
            "rail-east-soc", new Stakeholder("rail-east-soc", StakeholderKind.organisation, "rail-east", null),
            "venue-tokyo-soc", new Stakeholder("venue-tokyo-soc", StakeholderKind.organisation, "venue-tokyo", null));

    @Override
    public List<Stakeholder> find(Collection<String> stakeholderIds) {
        return stakeholderIds.stream().distinct().filter(STAKEHOLDERS::containsKey).map(STAKEHOLDERS::get).toList();
    }

    @Override
    public List<Stakeholder> subscribersOf(Sector sector) {
        if (sector == Sector.RAILWAYS) {
            return List.of(STAKEHOLDERS.get("rail-east-soc"));
        }
        return sector.isGamesFunction() ? List.of(STAKEHOLDERS.get("venue-tokyo-soc")) : List.of();
    }

    @Override
    public Set<String> unknown(Collection<String> stakeholderIds) {
        Set<String> unknown = new LinkedHashSet<>(stakeholderIds);
        unknown.removeAll(STAKEHOLDERS.keySet());
        return unknown;
    }
}
