package org.circc.embedded;

import com.icegreen.greenmail.store.FolderException;
import com.icegreen.greenmail.store.MailFolder;
import com.icegreen.greenmail.store.StoredMessage;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** GreenMail SMTP on 127.0.0.1; what it receives stays in memory. */
final class EmbeddedSmtpServer implements AutoCloseable {

    private final GreenMail greenMail;

    private EmbeddedSmtpServer(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    static EmbeddedSmtpServer start(int port) {
        ServerSetup setup = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        if (port == 0) {
            setup = setup.dynamicPort();
        }
        GreenMail greenMail = new GreenMail(setup);
        greenMail.start();
        return new EmbeddedSmtpServer(greenMail);
    }

    int port() {
        return greenMail.getSmtp().getPort();
    }

    String host() {
        return "127.0.0.1";
    }

    /** Every delivery so far, one per envelope recipient, oldest first. */
    List<ReceivedMail> receivedMails() {
        List<ReceivedMailWithTime> received = new ArrayList<>();
        for (GreenMailUser user : greenMail.getUserManager().listUser()) {
            try {
                MailFolder inbox = greenMail.getManagers().getImapHostManager().getInbox(user);
                for (StoredMessage stored : inbox.getMessages()) {
                    received.add(new ReceivedMailWithTime(stored.getUid(), stored.getReceivedDate().getTime(),
                            toReceivedMail(user.getEmail(), stored.getMimeMessage())));
                }
            } catch (FolderException e) {
                throw new IllegalStateException("could not read the inbox of " + user.getEmail(), e);
            }
        }
        received.sort(Comparator.comparingLong(ReceivedMailWithTime::receivedAt).thenComparingLong(ReceivedMailWithTime::uid));
        return received.stream().map(ReceivedMailWithTime::mail).toList();
    }

    void clearReceivedMails() {
        try {
            greenMail.purgeEmailFromAllMailboxes();
        } catch (FolderException e) {
            throw new IllegalStateException("could not purge the received mails", e);
        }
    }

    private static ReceivedMail toReceivedMail(String recipient, MimeMessage message) {
        try {
            Address[] from = message.getFrom();
            String subject = message.getSubject();
            Object content = message.getContent();
            String body = content instanceof String text ? text : GreenMailUtil.getBody(message);
            return new ReceivedMail(recipient, from == null || from.length == 0 ? "" : from[0].toString(),
                    subject == null ? "" : subject, body);
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("could not read a received mail for " + recipient, e);
        }
    }

    @Override
    public void close() {
        greenMail.stop();
    }

    private record ReceivedMailWithTime(long uid, long receivedAt, ReceivedMail mail) {
    }
}
