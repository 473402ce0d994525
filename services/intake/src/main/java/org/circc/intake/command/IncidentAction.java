package org.circc.intake.command;

import org.circc.contracts.events.IncidentStatus;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import static org.circc.contracts.events.IncidentStatus.*;

/** The principals' actions on an incident and the statuses api.md's lifecycle allows each from. */
public enum IncidentAction {
    UPDATE(null, EnumSet.of(REPORTED, TRIAGED, ESCALATED, ACKNOWLEDGED, CONTAINED, RESOLVED)),
    CONTAIN(CONTAINED, EnumSet.of(TRIAGED, ESCALATED, ACKNOWLEDGED)),
    RESOLVE(RESOLVED, EnumSet.of(TRIAGED, ESCALATED, ACKNOWLEDGED, CONTAINED)),
    CLOSE(CLOSED, EnumSet.of(RESOLVED)),
    WITHDRAW(WITHDRAWN, EnumSet.of(REPORTED, TRIAGED, ESCALATED));

    private final IncidentStatus target;
    private final Set<IncidentStatus> allowedFrom;

    IncidentAction(IncidentStatus target, Set<IncidentStatus> allowedFrom) {
        this.target = target;
        this.allowedFrom = allowedFrom;
    }

    /** The status the action leads to; {@code null} for an update, which does not move the lifecycle. */
    public IncidentStatus target() {
        return target;
    }

    public boolean isAllowedFrom(IncidentStatus status) {
        return allowedFrom.contains(status);
    }

    String verb() {
        return name().toLowerCase(Locale.ROOT);
    }

    String describeAllowed() {
        return allowedFrom.stream().map(Enum::name).collect(Collectors.joining(", "));
    }
}
