package org.circc.notification.messaging;

import org.circc.notification.command.DeliveryAttemptDueEvent;
import org.circc.notification.command.Notice;
import org.circc.notification.command.Stakeholder;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;

import java.util.stream.Collectors;

/**
 * Sends a notice by SMTP through Spring's mail support. SMTP blocks, so it runs on {@code scheduler}, never on the
 * caller's thread. The server's acceptance delivers; a message that cannot be built is not retried, the rest is.
 */
public class EmailChannel implements DeliveryChannel {

    private final JavaMailSender mailSender;
    private final String sender;
    private final Scheduler scheduler;

    public EmailChannel(JavaMailSender mailSender, String sender, Scheduler scheduler) {
        this.mailSender = mailSender;
        this.sender = sender;
        this.scheduler = scheduler;
    }

    @Override
    public String type() {
        return Stakeholder.Channel.EMAIL;
    }

    @Override
    public Mono<AttemptResult> attempt(DeliveryAttemptDueEvent due) {
        if (due.address() == null || due.address().isBlank()) {
            return Mono.just(AttemptResult.permanent(null, "stakeholder " + due.stakeholderId()
                    + " has no e-mail address"));
        }
        return Mono.fromCallable(() -> {
            try {
                mailSender.send(message(due.address(), due.notice()));
                return AttemptResult.delivered(null);
            } catch (MailParseException | MailPreparationException e) {
                return AttemptResult.permanent(null, e.getMessage());
            } catch (MailException e) {
                return AttemptResult.retryable(null, e.getMessage());
            }
        }).subscribeOn(scheduler);
    }

    SimpleMailMessage message(String address, Notice notice) {
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(sender);
        message.setTo(address);
        message.setSubject(subject(notice));
        message.setText(text(notice));
        return message;
    }

    private static String subject(Notice notice) {
        String what = switch (notice.eventType()) {
            case Notice.REMINDER -> "reminder: level " + notice.level() + " escalation unacknowledged";
            case Notice.ESCALATED -> "incident escalated";
            case Notice.SEVERITY_RAISED -> "severity raised";
            case Notice.DIGEST -> "digest of " + notice.items().size() + " notifications";
            default -> "level " + notice.level() + " escalation";
        };
        return "[CIRCC] " + what + ": " + notice.severity().displayName() + " incident in " + notice.sector().slug()
                + " (" + notice.tlp().label() + ")";
    }

    private static String text(Notice notice) {
        if (Notice.DIGEST.equals(notice.eventType())) {
            return "While notifications were held back, these happened:\n\n" + notice.items().stream()
                    .map(item -> "--- " + item.eventType() + "\n" + text(item)).collect(Collectors.joining("\n"));
        }
        StringBuilder text = new StringBuilder("""
                Incident:  %s
                Campaign:  %s
                Severity:  %d %s
                Sector:    %s
                TLP:       %s
                Level:     %d
                Link:      %s
                """.formatted(notice.incidentId(), notice.campaignId(), notice.severity().level(),
                notice.severity().displayName(), notice.sector().slug(), notice.tlp().label(), notice.level(),
                notice.link()));
        Notice.Details details = notice.details();
        if (details == null) {
            text.append("\nDetails are withheld under ").append(notice.tlp().label()).append(": follow the link.\n");
        } else {
            text.append("\nTitle:     ").append(details.title()).append('\n');
            if (details.description() != null) {
                text.append("\n").append(details.description()).append('\n');
            }
            if (!details.observables().isEmpty()) {
                text.append("\nObservables:\n");
                details.observables().forEach(observable -> text.append("  ").append(observable.type().slug())
                        .append(' ').append(observable.value()).append('\n'));
            }
        }
        return text.toString();
    }
}
