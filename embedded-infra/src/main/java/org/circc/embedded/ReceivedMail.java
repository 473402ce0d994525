package org.circc.embedded;

/**
 * One delivery that the embedded SMTP server received: a mail sent to two recipients shows up twice, once per
 * recipient (envelope recipients, so Bcc recipients are included).
 *
 * @param recipient the address the mail was delivered to
 * @param from      the From header, or an empty string
 * @param subject   the Subject header, or an empty string
 * @param body      the body: the text of a single-part mail, the raw MIME body of a multipart one
 */
public record ReceivedMail(String recipient, String from, String subject, String body) {
}
