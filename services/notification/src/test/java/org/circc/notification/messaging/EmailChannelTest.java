package org.circc.notification.messaging;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.notification.command.AttemptOutcome;
import org.circc.notification.command.DeliveryAttemptDueEvent;
import org.circc.notification.command.Notice;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import reactor.core.scheduler.Schedulers;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** E-mail attempts against a real SMTP server (GreenMail on 127.0.0.1). */
class EmailChannelTest {

    private static final IncidentId INCIDENT = IncidentId.of("8a0e4f7c-1b2d-4c3e-9f5a-6b7c8d9e0f1a");
    private static final CampaignId CAMPAIGN = CampaignId.of("3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b");
    private static final Notice REDACTED = new Notice(Notice.LEVEL_RAISED, INCIDENT, CAMPAIGN, 2, Severity.SEVERE,
            Sector.GAMES_TICKETING, Tlp.AMBER_STRICT, "/api/v1/incidents/" + INCIDENT, null, null);
    private static final Notice DETAILED = new Notice(Notice.LEVEL_RAISED, INCIDENT, CAMPAIGN, 2, Severity.SEVERE,
            Sector.GAMES_TICKETING, Tlp.AMBER_STRICT, "/api/v1/incidents/" + INCIDENT,
            new Notice.Details("DDoS on the ticketing portal", "Sustained SYN flood since 10:10",
                    List.of(Observable.of("ipv4", "203.0.113.7"))), null);

    private GreenMail smtp;
    private EmailChannel channel;

    @BeforeEach
    void startSmtp() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        smtp.start();
        channel = new EmailChannel(sender(smtp.getSmtp().getPort()), "circc@localhost", Schedulers.boundedElastic());
    }

    @AfterEach
    void stopSmtp() {
        smtp.stop();
    }

    private static JavaMailSenderImpl sender(int port) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost("127.0.0.1");
        sender.setPort(port);
        sender.getJavaMailProperties().put("mail.smtp.connectiontimeout", "2000");
        return sender;
    }

    private static DeliveryAttemptDueEvent due(String address, Notice notice) {
        return new DeliveryAttemptDueEvent(UUID.randomUUID(), "csirt-oncall", "email", address, notice, 1,
                Instant.now());
    }

    private static String text(MimeMessage message) {
        return GreenMailUtil.getBody(message);
    }

    @Test
    void aNoticeWithDetailsIsMailedWithThem() throws Exception {
        AttemptResult result = channel.attempt(due("csirt-oncall@circc.localhost", DETAILED)).block(Duration.ofSeconds(10));

        assertThat(result).isEqualTo(AttemptResult.delivered(null));
        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("csirt-oncall@circc.localhost");
        assertThat(received[0].getSubject()).contains("level 2 escalation", "Severe", "games-ticketing",
                "TLP:AMBER+STRICT");
        assertThat(text(received[0])).contains(INCIDENT.toString(), "DDoS on the ticketing portal",
                "Sustained SYN flood", "ipv4 203.0.113.7");
    }

    @Test
    void aRedactedNoticeSaysOnlyWhatTheBriefAllows() throws Exception {
        channel.attempt(due("soc@rail-east.localhost", REDACTED)).block(Duration.ofSeconds(10));

        String text = text(smtp.getReceivedMessages()[0]);
        assertThat(text).contains(INCIDENT.toString(), "4 Severe", "games-ticketing", "TLP:AMBER+STRICT",
                "/api/v1/incidents/" + INCIDENT, "withheld");
        assertThat(text).doesNotContain("DDoS", "203.0.113.7");
    }

    @Test
    void aDigestListsTheNoticesItStandsFor() throws Exception {
        Notice digest = Notice.digestOf(List.of(REDACTED, DETAILED));

        channel.attempt(due("csirt-oncall@circc.localhost", digest)).block(Duration.ofSeconds(10));

        MimeMessage mail = smtp.getReceivedMessages()[0];
        assertThat(mail.getSubject()).contains("digest of 2 notifications");
        assertThat(text(mail)).contains("DDoS on the ticketing portal").contains("withheld");
    }

    @Test
    void anUnreachableServerIsARetryableFailure() {
        EmailChannel unreachable = new EmailChannel(sender(1), "circc@localhost", Schedulers.boundedElastic());

        AttemptResult result = unreachable.attempt(due("csirt-oncall@circc.localhost", REDACTED))
                .block(Duration.ofSeconds(10));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.RETRYABLE_FAILURE);
        assertThat(result.error()).isNotBlank();
    }

    @Test
    void aStakeholderWithoutAnAddressIsNotRetried() {
        AttemptResult result = channel.attempt(due(null, REDACTED)).block(Duration.ofSeconds(10));

        assertThat(result.outcome()).isEqualTo(AttemptOutcome.PERMANENT_FAILURE);
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }
}
