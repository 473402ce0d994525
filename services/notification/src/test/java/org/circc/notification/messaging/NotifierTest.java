package org.circc.notification.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.circc.notification.command.Notice;
import org.circc.notification.command.QueueDeliveryCommand;
import org.circc.notification.command.Recipient;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.SuppressionWindows;
import org.circc.notification.query.IncidentDetails;
import org.circc.notification.query.IncidentDetailsRepository;
import org.circc.notification.query.StakeholderDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** A message becomes one delivery per channel, tailored by the disclosure rule, unless a window holds it back. */
class NotifierTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final Notifier.Message MESSAGE = new Notifier.Message(Notice.LEVEL_RAISED, INCIDENT, CAMPAIGN, 1,
            Severity.HIGH, Sector.GAMES_TICKETING, Tlp.RED, AT.minusMillis(200));
    private static final Stakeholder RESPONDER = new Stakeholder("responder-1", "Responder", StakeholderKind.person,
            "circc", "responder-1", Tlp.RED, List.of(new Stakeholder.Channel("stream", null),
            new Stakeholder.Channel("email", "responder-1@circc.localhost")), null);
    private static final Stakeholder CSIRT = new Stakeholder("csirt-oncall", "CSIRT", StakeholderKind.team, "circc",
            null, Tlp.RED, List.of(new Stakeholder.Channel("email", "csirt@circc.localhost")), null);

    private CommandGateway commandGateway;
    private SuppressionWindows windows;
    private Notifier notifier;

    @BeforeEach
    void setUp() {
        commandGateway = mock(CommandGateway.class);
        windows = mock(SuppressionWindows.class);
        IncidentDetailsRepository incidents = mock(IncidentDetailsRepository.class);
        when(incidents.find(INCIDENT)).thenReturn(Optional.of(new IncidentDetails(INCIDENT, "Ransomware at gate 3",
                "Encrypted turnstiles", Category.parse("malicious-code:ransomware"), Sector.GAMES_TICKETING, Tlp.RED,
                "venue-tokyo", List.of(Observable.of("ipv4", "203.0.113.7")))));
        when(windows.admit(any(), any(), any())).thenReturn(true);
        notifier = new Notifier(commandGateway, mock(StakeholderDirectory.class), incidents, windows,
                Clock.fixed(AT, ZoneOffset.UTC));
    }

    private List<QueueDeliveryCommand> queued(int count) {
        ArgumentCaptor<QueueDeliveryCommand> commands = ArgumentCaptor.forClass(QueueDeliveryCommand.class);
        verify(commandGateway, times(count)).sendAndWait(commands.capture());
        return commands.getAllValues();
    }

    @Test
    void aRedIncidentsDetailsGoToAPersonTargetedAtTheLevelOnEachOfItsChannels() {
        notifier.tell(RESPONDER, Recipient.Reason.CURRENT_LEVEL_TARGET, MESSAGE, true);

        List<QueueDeliveryCommand> commands = queued(2);
        assertThat(commands).extracting(QueueDeliveryCommand::channel).containsExactly("stream", "email");
        assertThat(commands).extracting(QueueDeliveryCommand::address)
                .containsExactly(null, "responder-1@circc.localhost");
        assertThat(commands).allSatisfy(command -> {
            assertThat(command.notice().details().title()).isEqualTo("Ransomware at gate 3");
            assertThat(command.raisedAt()).isEqualTo(MESSAGE.occurredAt());
        });
        assertThat(commands.get(0).deliveryId()).isNotEqualTo(commands.get(1).deliveryId());
        assertThat(commands.get(0).deliveryId().version()).isEqualTo(4);
    }

    @Test
    void aTeamGetsTheRedactedNoticeOfARedIncident() {
        notifier.tell(CSIRT, Recipient.Reason.CURRENT_LEVEL_TARGET, MESSAGE, true);

        Notice notice = queued(1).get(0).notice();
        assertThat(notice.details()).isNull();
        assertThat(notice.redacted()).isTrue();
        assertThat(notice.link()).isEqualTo("/api/v1/incidents/" + INCIDENT);
    }

    @Test
    void aMessageTheWindowHoldsBackQueuesNothing() {
        when(windows.admit(any(), any(), any())).thenReturn(false);

        notifier.tell(CSIRT, Recipient.Reason.CURRENT_LEVEL_TARGET, MESSAGE, true);

        verify(windows).admit(new SuppressionWindows.WindowKey("csirt-oncall", CAMPAIGN.toString(), 1),
                notifierNotice(), AT);
        verifyNoInteractions(commandGateway);
    }

    private static Notice notifierNotice() {
        return new Notice(Notice.LEVEL_RAISED, INCIDENT, CAMPAIGN, 1, Severity.HIGH, Sector.GAMES_TICKETING, Tlp.RED,
                "/api/v1/incidents/" + INCIDENT, null, null);
    }

    @Test
    void anExemptMessageBypassesTheWindow() {
        notifier.tell(CSIRT, Recipient.Reason.CURRENT_LEVEL_TARGET, MESSAGE, false);

        verifyNoInteractions(windows);
        queued(1);
    }
}
