package org.circc.triage.command;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.SeverityFactor;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.ANY;
import static com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility.NONE;

/**
 * Every triaged incident and the campaigns they form: the state of {@link CampaignCorrelation}, kept apart from
 * Axon so the rules can be exercised directly. Decisions ({@code triage}, {@code retriage}, {@code override})
 * read the state and hand each event to {@code apply}, which must evolve the state ({@code on}) before the next
 * decision step reads it.
 *
 * <p>Two incidents are linked when they share a correlation key and were reported within the window of each
 * other; campaigns are the connected groups of linked incidents. That relation depends only on the incidents,
 * never on the order they arrive in, so any order of the same reports yields the same campaigns. When a report
 * links several campaigns they merge into the oldest (earliest first report, ties by the smaller id).
 *
 * <p>A campaign's severity is the highest of its members': the best incident score among members without an
 * override plus the campaign factors (which every member shares), or an override's level if higher.
 *
 * <p>Serialised with Jackson in Axon's snapshots, hence the field visibility.
 */
@JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE, setterVisibility = NONE)
class Campaigns {

    private static final Comparator<Campaign> SENIORITY =
            Comparator.comparing((Campaign campaign) -> campaign.firstSeen).thenComparing(campaign -> campaign.id);

    private Map<String, Member> members = new HashMap<>();
    private Map<String, Campaign> campaigns = new HashMap<>();
    /** correlation key → campaign id → when the members of that campaign holding the key were reported */
    private Map<String, Map<String, TreeSet<Instant>>> index = new HashMap<>();

    boolean knows(IncidentId incidentId) {
        return members.containsKey(incidentId.toString());
    }

    /** A new report: join the campaigns it links (merging them) or open one; a known incident is left alone. */
    void triage(TriageIncidentCommand command, SeverityScorer scorer, Duration window, Instant now,
                Consumer<Object> apply) {
        if (knows(command.incidentId())) {
            return;
        }
        List<String> keys = CorrelationKeys.of(command.observables(), command.affectedAssets(), command.category());
        Links links = links(keys, command.reportedAt(), window, null);
        Campaign campaign = links.campaigns().isEmpty() ? null : merge(links.campaigns(), command.incidentId(), now, apply);
        CampaignId campaignId = campaign == null ? CampaignId.newId() : CampaignId.of(campaign.id);
        int organisations = campaign == null ? 1 : campaign.organisationsWith(command.reporterOrg());
        int sectors = campaign == null ? 1 : campaign.sectorsWith(command.sector());
        List<SeverityFactor> own = scorer.incidentFactors(command.impact(), command.sector(), command.category());
        SeverityAssessment assessment = scorer.assess(command.impact(), command.sector(), command.category(),
                organisations, sectors);
        apply.accept(new IncidentTriagedEvent(command.incidentId(), campaignId, command.reporterOrg(),
                command.sector(), command.tlp(), command.category(), command.impact(), command.reportedAt(), keys,
                SeverityScorer.sum(own), assessment, now));
        if (campaign != null) {
            apply.accept(new IncidentCorrelatedEvent(command.incidentId(), campaignId, links.matchedOn(),
                    campaigns.get(campaignId.toString()).members.size(), now));
        }
        signalSeverity(campaignId, command.incidentId(), scorer, now, apply);
    }

    /**
     * An update: new observables may link the incident to other campaigns (which then merge), a new impact
     * changes its own score. An update that changes neither is not a new triage.
     */
    void retriage(RetriageIncidentCommand command, SeverityScorer scorer, Duration window, Instant now,
                  Consumer<Object> apply) {
        Member member = members.get(command.incidentId().toString());
        if (member == null) {
            return;
        }
        List<String> addedKeys = CorrelationKeys.of(command.addedObservables(), List.of(), member.category).stream()
                .filter(key -> !member.keys.contains(key))
                .toList();
        Impact impact = command.impact() == null ? member.impact : command.impact();
        if (addedKeys.isEmpty() && impact.equals(member.impact)) {
            return;
        }
        Links links = links(addedKeys, member.reportedAt, window, member.campaignId);
        if (!links.campaigns().isEmpty()) {
            List<Campaign> linked = new ArrayList<>(links.campaigns());
            linked.add(campaigns.get(member.campaignId));
            merge(linked, command.incidentId(), now, apply);
        }
        Campaign campaign = campaigns.get(member.campaignId);
        CampaignId campaignId = CampaignId.of(campaign.id);
        List<SeverityFactor> own = scorer.incidentFactors(impact, member.sector, member.category);
        SeverityAssessment assessment = scorer.assess(impact, member.sector, member.category,
                campaign.organisations.size(), campaign.sectors.size());
        if (member.override != null) {
            // the coordinator's word stands; the score and factors still say what scoring found
            assessment = new SeverityAssessment(assessment.score(), member.override, assessment.factors());
        }
        apply.accept(new IncidentTriagedEvent(command.incidentId(), campaignId, member.reporterOrg, member.sector,
                member.tlp, member.category, impact, member.reportedAt, addedKeys, SeverityScorer.sum(own), assessment,
                now));
        if (!links.campaigns().isEmpty()) {
            apply.accept(new IncidentCorrelatedEvent(command.incidentId(), campaignId, links.matchedOn(),
                    campaign.members.size(), now));
        }
        signalSeverity(campaignId, command.incidentId(), scorer, now, apply);
    }

    /** A coordinator's severity; the same severity again is a no-op. */
    void override(OverrideSeverityCommand command, SeverityScorer scorer, Instant now, Consumer<Object> apply) {
        Member member = members.get(command.incidentId().toString());
        if (member == null) {
            throw new UnknownIncidentException(command.incidentId());
        }
        if (command.severity() == member.override) {
            return;
        }
        CampaignId campaignId = CampaignId.of(member.campaignId);
        apply.accept(new IncidentSeverityOverriddenEvent(command.incidentId(), campaignId, member.severity,
                command.severity(), command.reason(), command.actor(), now));
        signalSeverity(campaignId, command.incidentId(), scorer, now, apply);
    }

    /** The campaign an incident is in, if it was triaged. */
    CampaignId campaignOf(IncidentId incidentId) {
        Member member = members.get(incidentId.toString());
        return member == null ? null : CampaignId.of(member.campaignId);
    }

    /** Every campaign as the set of its members: what order-independence compares. */
    Set<Set<IncidentId>> partition() {
        Set<Set<IncidentId>> partition = new HashSet<>();
        for (Campaign campaign : campaigns.values()) {
            Set<IncidentId> incidents = new HashSet<>();
            campaign.members.forEach(id -> incidents.add(IncidentId.of(id)));
            partition.add(incidents);
        }
        return partition;
    }

    /** The severity a campaign was last signalled with. */
    Severity severityOf(CampaignId campaignId) {
        return campaigns.get(campaignId.toString()).severity;
    }

    // --- evolution -----------------------------------------------------------------------------------------

    void on(IncidentTriagedEvent event) {
        String incidentId = event.incidentId().toString();
        Member member = members.get(incidentId);
        if (member == null) {
            member = new Member(event);
            members.put(incidentId, member);
            campaigns.computeIfAbsent(event.campaignId().toString(), id -> new Campaign(id, event.reportedAt()))
                    .add(member);
        } else if (member.override == null) {
            Campaign campaign = campaigns.get(member.campaignId);
            decrement(campaign.scores, member.incidentScore);
            increment(campaign.scores, event.incidentScore());
        }
        member.impact = event.impact();
        member.incidentScore = event.incidentScore();
        member.severity = event.assessment().severity();
        for (String key : event.addedKeys()) {
            member.keys.add(key);
            index.computeIfAbsent(key, k -> new HashMap<>())
                    .computeIfAbsent(member.campaignId, c -> new TreeSet<>())
                    .add(member.reportedAt);
        }
    }

    void on(CampaignMergedEvent event) {
        Campaign survivor = campaigns.get(event.campaignId().toString());
        Campaign merged = campaigns.remove(event.mergedCampaignId().toString());
        Set<String> keys = new HashSet<>();
        for (String incidentId : merged.members) {
            Member member = members.get(incidentId);
            member.campaignId = survivor.id;
            keys.addAll(member.keys);
        }
        for (String key : keys) {
            Map<String, TreeSet<Instant>> byCampaign = index.get(key);
            TreeSet<Instant> times = byCampaign.remove(merged.id);
            if (times != null) {
                byCampaign.computeIfAbsent(survivor.id, c -> new TreeSet<>()).addAll(times);
            }
        }
        survivor.absorb(merged);
    }

    void on(CampaignSeverityChangedEvent event) {
        campaigns.get(event.campaignId().toString()).severity = event.severity();
    }

    void on(IncidentSeverityOverriddenEvent event) {
        Member member = members.get(event.incidentId().toString());
        Campaign campaign = campaigns.get(member.campaignId);
        if (member.override == null) {
            decrement(campaign.scores, member.incidentScore);
        } else {
            decrement(campaign.overrides, member.override.level());
        }
        increment(campaign.overrides, event.severity().level());
        member.override = event.severity();
        member.severity = event.severity();
    }

    // --- rules -----------------------------------------------------------------------------------------------

    /** The campaigns (other than {@code own}) holding one of the keys within the window of {@code at}, oldest first. */
    private Links links(List<String> keys, Instant at, Duration window, String own) {
        TreeSet<Campaign> linked = new TreeSet<>(SENIORITY);
        String matchedOn = null;
        Instant from = at.minus(window);
        Instant to = at.plus(window);
        for (String key : keys) {
            Map<String, TreeSet<Instant>> byCampaign = index.get(key);
            if (byCampaign == null) {
                continue;
            }
            for (Map.Entry<String, TreeSet<Instant>> entry : byCampaign.entrySet()) {
                Instant nearest = entry.getValue().ceiling(from);
                if (!entry.getKey().equals(own) && nearest != null && !nearest.isAfter(to)) {
                    linked.add(campaigns.get(entry.getKey()));
                    if (matchedOn == null) {
                        matchedOn = key;
                    }
                }
            }
        }
        return new Links(List.copyOf(linked), matchedOn);
    }

    /** Merges the campaigns into the oldest of them, which is returned. */
    private Campaign merge(List<Campaign> linked, IncidentId linkingIncident, Instant now, Consumer<Object> apply) {
        List<Campaign> bySeniority = linked.stream().sorted(SENIORITY).toList();
        Campaign survivor = bySeniority.get(0);
        for (Campaign merged : bySeniority.subList(1, bySeniority.size())) {
            List<IncidentId> moved = merged.members.stream().map(IncidentId::of).sorted().toList();
            apply.accept(new CampaignMergedEvent(CampaignId.of(survivor.id), CampaignId.of(merged.id), linkingIncident,
                    moved, now));
        }
        return survivor;
    }

    /** Signals the campaign's severity when it opened or changed: once per change, not once per report. */
    private void signalSeverity(CampaignId campaignId, IncidentId trigger, SeverityScorer scorer, Instant now,
                                Consumer<Object> apply) {
        Campaign campaign = campaigns.get(campaignId.toString());
        Severity current = campaign.currentSeverity(scorer);
        if (current != campaign.severity) {
            apply.accept(new CampaignSeverityChangedEvent(campaignId, trigger, campaign.severity, current,
                    campaign.sectors, campaign.tlp, now));
        }
    }

    private static <K> void increment(TreeMap<K, Integer> counts, K key) {
        counts.merge(key, 1, Integer::sum);
    }

    private static <K> void decrement(TreeMap<K, Integer> counts, K key) {
        counts.computeIfPresent(key, (k, count) -> count == 1 ? null : count - 1);
    }

    private record Links(List<Campaign> campaigns, String matchedOn) {
    }

    /** What correlation and scoring need to know of one incident. */
    @JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE, setterVisibility = NONE)
    static final class Member {
        private String incidentId;
        private String campaignId;
        private String reporterOrg;
        private Sector sector;
        private Tlp tlp;
        private Category category;
        private Impact impact;
        private Instant reportedAt;
        private Set<String> keys = new HashSet<>();
        private double incidentScore;
        /** the severity last decided for it, by scoring or by a coordinator */
        private Severity severity;
        private Severity override;

        Member() {
            // for snapshots
        }

        Member(IncidentTriagedEvent event) {
            this.incidentId = event.incidentId().toString();
            this.incidentScore = event.incidentScore();
            this.campaignId = event.campaignId().toString();
            this.reporterOrg = event.reporterOrg();
            this.sector = event.sector();
            this.tlp = event.tlp();
            this.category = event.category();
            this.reportedAt = event.reportedAt();
        }

        /** Value equality: the state rebuilt from events equals the state that made them (Axon's fixtures check). */
        @Override
        public boolean equals(Object other) {
            return other instanceof Member member
                    && Objects.equals(incidentId, member.incidentId) && Objects.equals(campaignId, member.campaignId)
                    && Objects.equals(reporterOrg, member.reporterOrg) && sector == member.sector && tlp == member.tlp
                    && Objects.equals(category, member.category) && Objects.equals(impact, member.impact)
                    && Objects.equals(reportedAt, member.reportedAt) && keys.equals(member.keys)
                    && incidentScore == member.incidentScore && severity == member.severity
                    && override == member.override;
        }

        @Override
        public int hashCode() {
            return incidentId.hashCode();
        }
    }

    @JsonAutoDetect(fieldVisibility = ANY, getterVisibility = NONE, isGetterVisibility = NONE, setterVisibility = NONE)
    static final class Campaign {
        private String id;
        private Instant firstSeen;
        private Set<String> members = new LinkedHashSet<>();
        private Set<String> organisations = new HashSet<>();
        private Set<Sector> sectors = EnumSet.noneOf(Sector.class);
        private Tlp tlp = Tlp.CLEAR;
        /** incident scores of the members without an override, with their counts */
        private TreeMap<Double, Integer> scores = new TreeMap<>();
        /** override levels with their counts */
        private TreeMap<Integer, Integer> overrides = new TreeMap<>();
        /** the severity last signalled; null before the campaign opened */
        private Severity severity;

        Campaign() {
            // for snapshots
        }

        Campaign(String id, Instant firstSeen) {
            this.id = id;
            this.firstSeen = firstSeen;
        }

        void add(Member member) {
            members.add(member.incidentId);
            organisations.add(member.reporterOrg);
            sectors.add(member.sector);
            tlp = member.tlp.compareTo(tlp) > 0 ? member.tlp : tlp;
            firstSeen = member.reportedAt.isBefore(firstSeen) ? member.reportedAt : firstSeen;
            increment(scores, member.incidentScore);
        }

        void absorb(Campaign other) {
            members.addAll(other.members);
            organisations.addAll(other.organisations);
            sectors.addAll(other.sectors);
            tlp = other.tlp.compareTo(tlp) > 0 ? other.tlp : tlp;
            firstSeen = other.firstSeen.isBefore(firstSeen) ? other.firstSeen : firstSeen;
            other.scores.forEach((score, count) -> scores.merge(score, count, Integer::sum));
            other.overrides.forEach((level, count) -> overrides.merge(level, count, Integer::sum));
        }

        int organisationsWith(String organisation) {
            return organisations.size() + (organisations.contains(organisation) ? 0 : 1);
        }

        int sectorsWith(Sector sector) {
            return sectors.size() + (sectors.contains(sector) ? 0 : 1);
        }

        Severity currentSeverity(SeverityScorer scorer) {
            Severity automatic = scores.isEmpty() ? Severity.BASELINE : scorer.severityOf(scores.lastKey()
                    + SeverityScorer.sum(scorer.campaignFactors(organisations.size(), sectors.size())));
            return overrides.isEmpty() ? automatic : Severity.max(automatic, Severity.ofLevel(overrides.lastKey()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Campaign campaign
                    && Objects.equals(id, campaign.id) && Objects.equals(firstSeen, campaign.firstSeen)
                    && members.equals(campaign.members) && organisations.equals(campaign.organisations)
                    && sectors.equals(campaign.sectors) && tlp == campaign.tlp && scores.equals(campaign.scores)
                    && overrides.equals(campaign.overrides) && severity == campaign.severity;
        }

        @Override
        public int hashCode() {
            return id.hashCode();
        }
    }
}
