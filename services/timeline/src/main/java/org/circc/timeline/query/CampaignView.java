package org.circc.timeline.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;

import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A campaign as api.md shows it to one caller: {@code incidentIds}, {@code observables} and the reporting
 * {@code organisations} only of the members the caller may see; {@code reportCount} counts all of them.
 */
public record CampaignView(
        CampaignId campaignId,
        List<IncidentId> incidentIds,
        int reportCount,
        List<String> organisations,
        List<String> sectors,
        Instant firstSeen,
        Instant lastSeen,
        List<Observable> observables,
        Severity severity,
        IncidentView.Escalation escalation,
        CampaignId mergedInto) {

    public static CampaignView of(CampaignState campaign, List<IncidentView> members, Predicate<IncidentView> visible) {
        List<IncidentView> seen = members.stream()
                .filter(visible)
                .sorted(Comparator.comparing(IncidentView::reportedAt).thenComparing(IncidentView::incidentId))
                .toList();
        Set<String> sectors = new TreeSet<>(campaign.sectors().stream().map(Sector::slug).toList());
        seen.forEach(member -> sectors.add(member.sector().slug()));
        Set<Observable> observables = new LinkedHashSet<>();
        seen.forEach(member -> observables.addAll(member.observables()));
        Severity severity = campaign.severity() != null ? campaign.severity() : members.stream()
                .map(IncidentView::severity)
                .filter(Objects::nonNull)
                .reduce(Severity::max)
                .orElse(null);
        CampaignState.Chain chain = campaign.chain();
        return new CampaignView(campaign.campaignId(), seen.stream().map(IncidentView::incidentId).toList(),
                campaign.reportCount(), seen.stream().map(IncidentView::reporterOrg).distinct().sorted().toList(),
                List.copyOf(sectors), campaign.firstSeen(), campaign.lastSeen(), List.copyOf(observables), severity,
                new IncidentView.Escalation(chain.level(), chain.state(), chain.ackDeadline()), campaign.mergedInto());
    }
}
