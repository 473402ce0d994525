package org.circc.bench;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.CampaignSeverityChangedEvent;
import org.circc.contracts.events.EscalationAcknowledgedEvent;
import org.circc.contracts.events.EscalationEndedEvent;
import org.circc.contracts.events.EscalationLevelRaisedEvent;
import org.circc.contracts.events.EscalationStartedEvent;
import org.circc.contracts.events.IncidentCorrelatedEvent;
import org.circc.contracts.events.IncidentEvent;
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.IncidentStatusChangedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.NotificationDeliveredEvent;
import org.circc.contracts.events.SeverityFactor;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * The replay benchmark's corpus: campaigns as waves of reports against one sector, each with the history the
 * platform would publish for it. The first report opens the campaign (triaged, campaign severity, escalation chain
 * started, level 1 raised and delivered, sometimes level 2 after the deadline, acknowledged); every report is
 * triaged into the campaign, later ones also correlated, and each moves through intake's lifecycle (triaged,
 * escalated or straight to acknowledged for late joiners, contained, resolved, closed); the chain ends after the
 * last member resolved. Eight or nine events per incident, and a dozen for its campaign's chain. Sizes and times
 * come from a seeded generator, ids are random: every run publishes new incidents.
 */
final class ReplayCorpus {

    /** One incident of the corpus: the instants between which its history lies, for {@code state?asOf}. */
    record Incident(IncidentId id, Instant reportedAt, Instant lastEventAt) {

        Instant middle() {
            return reportedAt.plusMillis(Duration.between(reportedAt, lastEventAt).toMillis() / 2);
        }
    }

    /** One campaign's events in the order they happened, and its incidents. */
    record Campaign(List<IntegrationEvent> events, List<Incident> incidents) {
    }

    private static final Map<Sector, List<String>> ORGANISATIONS = Map.of(
            Sector.RAILWAYS, List.of("rail-east", "rail-west", "metro-tokyo"),
            Sector.ELECTRIC_POWER, List.of("power-kanto", "power-kansai"),
            Sector.FINANCE, List.of("bank-tokyo", "bank-osaka", "securities-japan"),
            Sector.INFORMATION_COMMUNICATION, List.of("telco-one", "isp-japan"),
            Sector.MEDICAL, List.of("hospital-chiyoda", "hospital-kyoto"),
            Sector.AVIATION, List.of("air-nippon", "venue-tokyo"));
    private static final List<Sector> SECTORS = List.copyOf(ORGANISATIONS.keySet());
    private static final List<Category> CATEGORIES = List.of(Category.parse("availability:ddos"),
            Category.parse("intrusion-attempts:brute-force"), Category.parse("fraud:phishing"),
            Category.parse("malicious-code:ransomware"));
    private static final List<Tlp> TLPS = List.of(Tlp.CLEAR, Tlp.GREEN, Tlp.AMBER, Tlp.AMBER);
    private static final Duration WAVE = Duration.ofHours(48);
    private static final Duration ACK_WITHIN = Duration.ofMinutes(15);
    private static final Actor COORDINATOR = Actor.principal("coordinator-1", "circc");

    private final SplittableRandom random;
    private final Instant periodStart;
    private final Duration period;

    ReplayCorpus(long seed, Instant periodStart, Duration period) {
        this.random = new SplittableRandom(seed);
        this.periodStart = periodStart;
        this.period = period;
    }

    /** A campaign of {@code members} incidents, starting at a random instant of the period. */
    Campaign campaign(int members) {
        CampaignId campaignId = new CampaignId(uuid());
        Sector sector = SECTORS.get(random.nextInt(SECTORS.size()));
        Category category = CATEGORIES.get(random.nextInt(CATEGORIES.size()));
        Tlp tlp = TLPS.get(random.nextInt(TLPS.size()));
        Severity severity = Severity.ofLevel(2 + random.nextInt(3));
        String indicator = "203.0." + random.nextInt(256) + "." + random.nextInt(256);
        Instant start = periodStart.plusSeconds(random.nextLong(period.toSeconds()));

        List<Instant> reportTimes = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            reportTimes.add(at(start, random.nextLong(WAVE.toMillis())));
        }
        reportTimes.sort(Comparator.naturalOrder());

        List<IntegrationEvent> events = new ArrayList<>();
        Chain chain = null;
        List<IncidentId> ids = new ArrayList<>();
        Instant lastResolved = start;
        for (int i = 0; i < members; i++) {
            IncidentId incidentId = new IncidentId(uuid());
            ids.add(incidentId);
            String org = pick(ORGANISATIONS.get(sector));
            Instant reported = reportTimes.get(i);
            events.add(new IncidentReportedEvent(incidentId, category.rsitClass() + " against " + org,
                    "Wave " + indicator + " seen by " + org, category, sector, tlp,
                    new Impact(Impact.Functional.MEDIUM, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                    List.of("gw." + org + ".example.jp"), List.of(Observable.of(ObservableType.IPV4, indicator)),
                    org, reported.minusSeconds(300), Actor.principal("ops@" + org, org), reported));
            Instant triaged = reported.plusMillis(500 + random.nextInt(20_000));
            events.add(new IncidentTriagedEvent(incidentId, campaignId, severity, 20.0 * severity.level(),
                    List.of(new SeverityFactor("sector", sector.slug(), 0.4 * severity.level()),
                            new SeverityFactor("category", category.slug(), 0.6 * severity.level())),
                    Actor.system("triage"), triaged));
            if (i == 0) {
                events.add(new CampaignSeverityChangedEvent(campaignId, incidentId, null, severity, Set.of(sector),
                        tlp, triaged.plusMillis(5)));
                chain = openChain(events, campaignId, incidentId, severity, sector, tlp, triaged.plusMillis(10));
            } else {
                events.add(new IncidentCorrelatedEvent(incidentId, campaignId, "observable ipv4:" + indicator, i + 1,
                        triaged.plusMillis(5)));
            }
            Instant resolved = lifecycle(events, incidentId, org, chain, triaged.plusMillis(20));
            lastResolved = resolved.isAfter(lastResolved) ? resolved : lastResolved;
        }
        events.add(new EscalationEndedEvent(chain.escalationId(), campaignId, ids.get(0),
                "every member resolved, closed or withdrawn", lastResolved.plusSeconds(1)));
        events.sort(Comparator.comparing(IntegrationEvent::occurredAt));
        return new Campaign(events, incidents(ids, events));
    }

    /** When the chain of a campaign was raised and acknowledged, which its members' lifecycles follow. */
    private record Chain(UUID escalationId, Instant raisedAt, Instant acknowledgedAt) {
    }

    private Chain openChain(List<IntegrationEvent> events, CampaignId campaignId, IncidentId opener, Severity severity,
                            Sector sector, Tlp tlp, Instant startedAt) {
        UUID escalationId = uuid();
        events.add(new EscalationStartedEvent(escalationId, campaignId, opener, "default", 1, severity, startedAt));
        Instant raised = startedAt.plusMillis(50);
        int level = 1;
        raiseLevel(events, escalationId, campaignId, opener, level, severity, sector, tlp, raised);
        // most chains are acknowledged at level 1; about a third miss the deadline and go to level 2
        if (random.nextInt(3) == 0) {
            level = 2;
            raiseLevel(events, escalationId, campaignId, opener, level, severity, sector, tlp, raised.plus(ACK_WITHIN));
            raised = raised.plus(ACK_WITHIN);
        }
        Instant acknowledged = at(raised, 60_000 + random.nextLong(ACK_WITHIN.toMillis() - 60_000));
        events.add(new EscalationAcknowledgedEvent(escalationId, campaignId, opener, level, "on it", COORDINATOR,
                acknowledged));
        return new Chain(escalationId, startedAt.plusMillis(50), acknowledged);
    }

    private void raiseLevel(List<IntegrationEvent> events, UUID escalationId, CampaignId campaignId, IncidentId opener,
                            int level, Severity severity, Sector sector, Tlp tlp, Instant raised) {
        List<String> targets = level == 1 ? List.of("circc-duty", "desk-" + sector.slug())
                : List.of("circc-duty", "desk-" + sector.slug(), "circc-head", "ministry-liaison");
        events.add(new EscalationLevelRaisedEvent(escalationId, campaignId, opener, level, targets,
                raised.plus(ACK_WITHIN), severity, sector, tlp, "level " + level + " of policy default", raised));
        for (String target : targets) {
            events.add(new NotificationDeliveredEvent(uuid(), target, random.nextBoolean() ? "email" : "webhook",
                    opener, campaignId, level, 1, tlp != Tlp.CLEAR, at(raised, 200 + random.nextInt(5_000))));
        }
    }

    /**
     * Intake's moves of one member: triaged, then escalated and acknowledged as its campaign's chain (a late joiner
     * goes straight to the chain's stage), then contained, resolved and closed by its reporter.
     *
     * @return when it was resolved
     */
    private Instant lifecycle(List<IntegrationEvent> events, IncidentId incidentId, String org, Chain chain,
                              Instant triaged) {
        Actor reporter = Actor.principal("ops@" + org, org);
        events.add(new IncidentStatusChangedEvent(incidentId, IncidentStatus.REPORTED, IncidentStatus.TRIAGED,
                "triaged", Actor.system("triage"), triaged));
        IncidentStatus status = IncidentStatus.TRIAGED;
        Instant now = triaged;
        if (triaged.isBefore(chain.acknowledgedAt())) {
            now = later(now, chain.raisedAt());
            events.add(new IncidentStatusChangedEvent(incidentId, status, IncidentStatus.ESCALATED,
                    "escalation level raised", Actor.system("escalation"), now));
            status = IncidentStatus.ESCALATED;
        }
        now = later(now, chain.acknowledgedAt());
        events.add(new IncidentStatusChangedEvent(incidentId, status, IncidentStatus.ACKNOWLEDGED,
                "escalation acknowledged", COORDINATOR, now));
        now = at(now, Duration.ofMinutes(30).toMillis() + random.nextLong(Duration.ofHours(6).toMillis()));
        events.add(new IncidentStatusChangedEvent(incidentId, IncidentStatus.ACKNOWLEDGED, IncidentStatus.CONTAINED,
                "traffic filtered upstream", reporter, now));
        Instant resolved = at(now, Duration.ofHours(1).toMillis() + random.nextLong(Duration.ofHours(24).toMillis()));
        events.add(new IncidentStatusChangedEvent(incidentId, IncidentStatus.CONTAINED, IncidentStatus.RESOLVED,
                "service restored", reporter, resolved));
        events.add(new IncidentStatusChangedEvent(incidentId, IncidentStatus.RESOLVED, IncidentStatus.CLOSED,
                "post-incident review done", reporter,
                at(resolved, Duration.ofHours(1).toMillis() + random.nextLong(Duration.ofHours(48).toMillis()))));
        return resolved;
    }

    private static List<Incident> incidents(List<IncidentId> ids, List<IntegrationEvent> sortedEvents) {
        Map<IncidentId, Instant[]> spans = new HashMap<>();
        for (IntegrationEvent event : sortedEvents) {
            if (event instanceof IncidentEvent incidentEvent) {
                spans.computeIfAbsent(incidentEvent.incidentId(), id -> new Instant[] {event.occurredAt(), null})[1] =
                        event.occurredAt();
            }
        }
        return ids.stream().map(id -> new Incident(id, spans.get(id)[0], spans.get(id)[1])).toList();
    }

    /** {@code base} plus {@code millis}, at the millisecond precision the platform keeps. */
    private static Instant at(Instant base, long millis) {
        return base.plusMillis(millis).truncatedTo(ChronoUnit.MILLIS);
    }

    /** One millisecond after the later of the two: a move caused by an event comes after it. */
    private static Instant later(Instant a, Instant b) {
        return (a.isAfter(b) ? a : b).plusMillis(1);
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static UUID uuid() {
        return UUID.randomUUID();
    }
}
