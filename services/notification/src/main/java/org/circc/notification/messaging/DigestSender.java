package org.circc.notification.messaging;

import org.circc.notification.command.SuppressionWindows;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.util.List;

/**
 * Closes the suppression windows that ended and sends their digests, a batch per transaction: the window is removed
 * in the transaction that queues its digest, so a crash loses or repeats nothing. Run by a db-scheduler task.
 */
public class DigestSender {

    private static final int BATCH = 100;

    private final SuppressionWindows windows;
    private final Notifier notifier;
    private final TransactionTemplate transactionTemplate;
    private final Clock clock;

    public DigestSender(SuppressionWindows windows, Notifier notifier, TransactionTemplate transactionTemplate,
                        Clock clock) {
        this.windows = windows;
        this.notifier = notifier;
        this.transactionTemplate = transactionTemplate;
        this.clock = clock;
    }

    public void sendDue() {
        Integer closed;
        do {
            closed = transactionTemplate.execute(status -> {
                List<SuppressionWindows.ClosedWindow> due = windows.closeDue(clock.instant(), BATCH);
                due.forEach(notifier::sendDigest);
                return due.size();
            });
        } while (closed != null && closed == BATCH);
    }
}
