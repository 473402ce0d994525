package org.circc.notification.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.circc.notification.command.DeliveryQueuedEvent;
import org.circc.notification.command.Notice;
import org.circc.notification.command.RecordDeliveryAttemptCommand;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.StakeholderDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.verifyNoMoreInteractions;

class EmailChannelTest {

    private static final Instant AT = Instant.parse("2026-07-24T10:20:00Z");
    private static final UUID DELIVERY = UUID.fromString("6c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final Notice NOTICE = new Notice("escalation.level-raised", INCIDENT, CAMPAIGN, 2, Severity.SEVERE,
            Sector.GAMES_TICKETING, Tlp.AMBER_STRICT, "/api/v1/incidents/" + INCIDENT);

    private static final StakeholderDirectory DIRECTORY = new StakeholderDirectory(List.of(
            new Stakeholder("responder-1", "Responder 1", StakeholderKind.person, "circc", "responder-1", Tlp.RED,
                    List.of(new Stakeholder.Channel("stream", null),
                            new Stakeholder.Channel("email", "responder-1@circc.localhost"))),
            new Stakeholder("stream-only", "Stream only", StakeholderKind.person, "circc", "someone", Tlp.RED,
                    List.of(new Stakeholder.Channel("stream", null))),
            new Stakeholder("no-address", "Misconfigured", StakeholderKind.team, "circc", null, Tlp.AMBER,
                    List.of(new Stakeholder.Channel("email", null)))));

    private JavaMailSender mailSender;
    private CommandGateway commandGateway;
    private EmailChannel channel;

    @BeforeEach
    void setUp() {
        mailSender = mock(JavaMailSender.class);
        commandGateway = mock(CommandGateway.class);
        channel = new EmailChannel(mailSender, DIRECTORY, commandGateway, "circc@localhost");
    }

    private static DeliveryQueuedEvent queued(String stakeholderId, String channelType) {
        return new DeliveryQueuedEvent(DELIVERY, stakeholderId, channelType, NOTICE, AT);
    }

    private RecordDeliveryAttemptCommand recordedAttempt() {
        ArgumentCaptor<RecordDeliveryAttemptCommand> command = ArgumentCaptor.forClass(RecordDeliveryAttemptCommand.class);
        verify(commandGateway).sendAndWait(command.capture());
        verifyNoMoreInteractions(commandGateway);
        return command.getValue();
    }

    @Test
    void aQueuedEmailDeliverySendsOneMailToTheStakeholdersAddressAndRecordsSuccess() {
        channel.on(queued("responder-1", "email"));

        ArgumentCaptor<SimpleMailMessage> mail = ArgumentCaptor.forClass(SimpleMailMessage.class);
        verify(mailSender).send(mail.capture());
        verifyNoMoreInteractions(mailSender);
        SimpleMailMessage message = mail.getValue();
        assertThat(message.getTo()).containsExactly("responder-1@circc.localhost");
        assertThat(message.getFrom()).isEqualTo("circc@localhost");
        assertThat(message.getSubject()).contains("level 2").contains("Severe").contains("games-ticketing")
                .contains("TLP:AMBER+STRICT");
        assertThat(message.getText())
                .contains(INCIDENT.toString())
                .contains(CAMPAIGN.toString())
                .contains("4 Severe")
                .contains("games-ticketing")
                .contains("TLP:AMBER+STRICT")
                .containsPattern("Level:\\s+2")
                .contains("/api/v1/incidents/" + INCIDENT);

        assertThat(recordedAttempt()).isEqualTo(new RecordDeliveryAttemptCommand(DELIVERY, 1, true, null));
    }

    @Test
    void aMailErrorRecordsAFailedAttemptWithTheError() {
        doThrow(new MailSendException("550 mailbox unavailable")).when(mailSender).send(any(SimpleMailMessage.class));

        channel.on(queued("responder-1", "email"));

        RecordDeliveryAttemptCommand attempt = recordedAttempt();
        assertThat(attempt.deliveryId()).isEqualTo(DELIVERY);
        assertThat(attempt.attempt()).isEqualTo(1);
        assertThat(attempt.succeeded()).isFalse();
        assertThat(attempt.error()).contains("550 mailbox unavailable");
    }

    @Test
    void aDeliveryOnAnotherChannelIsNotThisChannelsBusiness() {
        channel.on(queued("responder-1", "stream"));
        channel.on(queued("responder-1", "webhook"));

        verifyNoInteractions(mailSender, commandGateway);
    }

    @Test
    void aStakeholderWithoutAnEmailChannelRecordsAFailedAttempt() {
        channel.on(queued("stream-only", "email"));

        verifyNoInteractions(mailSender);
        RecordDeliveryAttemptCommand attempt = recordedAttempt();
        assertThat(attempt.succeeded()).isFalse();
        assertThat(attempt.error()).contains("stream-only").contains("no e-mail address");
    }

    @Test
    void anEmailChannelWithoutAnAddressRecordsAFailedAttempt() {
        channel.on(queued("no-address", "email"));

        verifyNoInteractions(mailSender);
        RecordDeliveryAttemptCommand attempt = recordedAttempt();
        assertThat(attempt.succeeded()).isFalse();
        assertThat(attempt.error()).contains("no-address").contains("no e-mail address");
    }

    @Test
    void aStakeholderNoLongerInTheDirectoryRecordsAFailedAttempt() {
        channel.on(queued("removed-team", "email"));

        verifyNoInteractions(mailSender);
        RecordDeliveryAttemptCommand attempt = recordedAttempt();
        assertThat(attempt).isEqualTo(new RecordDeliveryAttemptCommand(DELIVERY, 1, false,
                "stakeholder removed-team has no e-mail address"));
    }
}
