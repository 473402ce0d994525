package org.circc.notification.messaging;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.circc.notification.command.DeliveryQueuedEvent;
import org.circc.notification.command.Notice;
import org.circc.notification.command.RecordDeliveryAttemptCommand;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.StakeholderDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends queued e-mail deliveries over SMTP and records each attempt. Replays never re-send: a mail that went out
 * stays sent.
 */
@Component
@ProcessingGroup("email-dispatch")
public class EmailChannel {

    public static final String TYPE = "email";

    private final JavaMailSender mailSender;
    private final StakeholderDirectory directory;
    private final CommandGateway commandGateway;
    private final String sender;

    public EmailChannel(JavaMailSender mailSender, StakeholderDirectory directory, CommandGateway commandGateway,
                        @Value("${circc.notification.mail-from}") String sender) {
        this.mailSender = mailSender;
        this.directory = directory;
        this.commandGateway = commandGateway;
        this.sender = sender;
    }

    @EventHandler
    @DisallowReplay
    void on(DeliveryQueuedEvent event) {
        if (!TYPE.equals(event.channel())) {
            return;
        }
        String address = directory.find(event.stakeholderId())
                .flatMap(stakeholder -> stakeholder.channels().stream()
                        .filter(channel -> TYPE.equals(channel.type()))
                        .map(Stakeholder.Channel::address)
                        .filter(configured -> configured != null && !configured.isBlank())
                        .findFirst())
                .orElse(null);
        if (address == null) {
            commandGateway.sendAndWait(new RecordDeliveryAttemptCommand(event.deliveryId(), 1, false,
                    "stakeholder " + event.stakeholderId() + " has no e-mail address"));
            return;
        }
        try {
            mailSender.send(message(address, event.notice()));
            commandGateway.sendAndWait(new RecordDeliveryAttemptCommand(event.deliveryId(), 1, true, null));
        } catch (MailException e) {
            commandGateway.sendAndWait(new RecordDeliveryAttemptCommand(event.deliveryId(), 1, false, e.getMessage()));
        }
    }

    private SimpleMailMessage message(String address, Notice notice) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(sender);
        message.setTo(address);
        message.setSubject("[CIRCC] level " + notice.level() + " escalation: " + notice.severity().displayName()
                + " incident in " + notice.sector().slug() + " (" + notice.tlp().label() + ")");
        message.setText("""
                Incident:  %s
                Campaign:  %s
                Severity:  %d %s
                Sector:    %s
                TLP:       %s
                Level:     %d
                Details:   %s
                """.formatted(notice.incidentId(), notice.campaignId(), notice.severity().level(),
                notice.severity().displayName(), notice.sector().slug(), notice.tlp().label(), notice.level(),
                notice.link()));
        return message;
    }
}
