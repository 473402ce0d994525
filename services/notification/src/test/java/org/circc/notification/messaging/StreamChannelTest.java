package org.circc.notification.messaging;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.notification.command.AttemptOutcome;
import org.circc.notification.command.DeliveryAttemptDueEvent;
import org.circc.notification.command.Notice;
import org.junit.jupiter.api.Test;
import org.springframework.http.codec.ServerSentEvent;
import reactor.core.Disposable;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class StreamChannelTest {

    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final Notice NOTICE = new Notice(Notice.LEVEL_RAISED, INCIDENT,
            CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b"), 1, Severity.HIGH, Sector.RAILWAYS, Tlp.RED,
            "/api/v1/incidents/" + INCIDENT, new Notice.Details("Signalling outage", null, List.of()), null);

    private final StreamHub hub = new StreamHub();
    private final StreamChannel channel = new StreamChannel(hub);

    private static DeliveryAttemptDueEvent due(String stakeholderId) {
        return new DeliveryAttemptDueEvent(UUID.randomUUID(), stakeholderId, "stream", null, NOTICE, 1, Instant.now());
    }

    @Test
    void aNoticeReachesEveryOpenConnectionOfItsStakeholderOnly() {
        List<ServerSentEvent<NoticeBody>> first = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<NoticeBody>> second = new CopyOnWriteArrayList<>();
        List<ServerSentEvent<NoticeBody>> other = new CopyOnWriteArrayList<>();
        Disposable a = hub.connect("responder-1").subscribe(first::add);
        Disposable b = hub.connect("responder-1").subscribe(second::add);
        Disposable c = hub.connect("duty-coordinator").subscribe(other::add);
        DeliveryAttemptDueEvent due = due("responder-1");

        AttemptResult result = channel.attempt(due).block(Duration.ofSeconds(5));

        assertThat(result).isEqualTo(AttemptResult.delivered(null));
        assertThat(first).singleElement().satisfies(event -> {
            assertThat(event.id()).isEqualTo(due.deliveryId().toString());
            assertThat(event.event()).isEqualTo("escalation.level-raised");
            assertThat(event.data().title()).isEqualTo("Signalling outage");
        });
        assertThat(second).hasSize(1);
        assertThat(other).isEmpty();
        List.of(a, b, c).forEach(Disposable::dispose);
    }

    @Test
    void withNoOpenConnectionTheNoticeIsSentToNobody() {
        Disposable gone = hub.connect("responder-1").subscribe();
        gone.dispose();

        AttemptResult result = channel.attempt(due("responder-1")).block(Duration.ofSeconds(5));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.SENT);
        assertThat(channel.attempt(due("never-connected")).block(Duration.ofSeconds(5)).outcome())
                .isEqualTo(AttemptOutcome.SENT);
    }
}
