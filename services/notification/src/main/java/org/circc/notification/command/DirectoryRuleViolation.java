package org.circc.notification.command;

/** A directory command the directory's state forbids: what it is and why, for the web layer to answer. */
public class DirectoryRuleViolation extends RuntimeException {

    public enum Kind { ALREADY_EXISTS, UNKNOWN, STILL_TARGETED, MISSING_SECRET }

    private final Kind kind;
    private final String field;

    public DirectoryRuleViolation(Kind kind, String field, String message) {
        super(message);
        this.kind = kind;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    /** The request field at fault, for {@link Kind#MISSING_SECRET}; null otherwise. */
    public String field() {
        return field;
    }
}
