package org.circc.timeline;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.circc.contracts.events.IncidentReportedEvent;
import org.circc.contracts.events.IncidentTriagedEvent;
import org.circc.contracts.events.IntegrationEvent;
import org.circc.contracts.events.IntegrationEventCatalogue;
import org.circc.contracts.events.SeverityFactor;
import org.circc.platform.config.PlatformJacksonConfiguration;
import org.circc.platform.messaging.ReceivedIntegrationEvent;
import org.circc.timeline.query.CampaignState;
import org.circc.timeline.query.IncidentState;
import org.circc.timeline.query.IncidentView;
import org.circc.timeline.query.RecordedEvent;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Events and helpers the timeline's tests share. */
public final class TimelineFixtures {

    public static final Actor REPORTER = Actor.principal("ops@venue-tokyo", "venue-tokyo");
    public static final CampaignId CAMPAIGN = CampaignId.of("7b0c6a7e-5d1f-4c39-9a57-0f4f3c2b8e11");

    private TimelineFixtures() {
    }

    /**
     * The ObjectMapper a service gets: Spring Boot's Jackson auto-configuration (JavaTimeModule, dates as text)
     * with the platform's module (instants in UTC at millisecond precision).
     */
    public static ObjectMapper platformObjectMapper() {
        try (AnnotationConfigApplicationContext context =
                     new AnnotationConfigApplicationContext(JacksonAutoConfiguration.class, PlatformJacksonConfiguration.class)) {
            return context.getBean(ObjectMapper.class);
        }
    }

    public static IncidentReportedEvent reported(IncidentId incidentId, Tlp tlp, Instant at) {
        return new IncidentReportedEvent(incidentId, "DDoS on the ticketing portal", "Sustained SYN flood since 10:10",
                Category.parse("availability:ddos"), Sector.fromSlug("games-ticketing"), tlp,
                new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR),
                List.of("tickets.example.jp"), List.of(Observable.of(ObservableType.IPV4, "203.0.113.7")),
                "venue-tokyo", Instant.parse("2026-07-24T10:15:00Z"), REPORTER, at);
    }

    /** As the platform's consumer hands it to a handler: CloudEvents id, the catalogue's type, source and subject. */
    public static ReceivedIntegrationEvent received(String eventId, IntegrationEvent event) {
        return new ReceivedIntegrationEvent(eventId, IntegrationEventCatalogue.of(event.getClass()).type(),
                "/circc/test", event.subject(), event);
    }

    public static ReceivedIntegrationEvent received(IntegrationEvent event) {
        return received(UUID.randomUUID().toString(), event);
    }

    /** The live view of an incident that was reported at {@code at} and triaged High a second later. */
    public static IncidentView triagedView(IncidentId incidentId, Tlp tlp, Instant at) {
        List<RecordedEvent> events = List.of(recorded("report-" + incidentId, reported(incidentId, tlp, at)),
                recorded("triage-" + incidentId, new IncidentTriagedEvent(incidentId, CAMPAIGN, Severity.HIGH, 71.6,
                        List.of(new SeverityFactor("functional", "high", 30)), Actor.system("triage"), at.plusSeconds(1))));
        return IncidentView.of(IncidentState.fold(incidentId, events, null).orElseThrow(), CampaignState.Chain.NONE);
    }

    public static RecordedEvent recorded(String eventId, IntegrationEvent event) {
        return new RecordedEvent(eventId, event);
    }

    public static RecordedEvent recorded(IntegrationEvent event) {
        return recorded(UUID.randomUUID().toString(), event);
    }
}
