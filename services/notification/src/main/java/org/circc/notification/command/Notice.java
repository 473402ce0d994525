package org.circc.notification.command;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

import java.util.List;

/**
 * What a delivery tells its recipient. Without {@code details} it is the redacted notice of the product brief
 * (incident id, severity, sector, TLP, level and a link); {@link DisclosureRule} alone decides when details are
 * included. A digest ({@link #DIGEST}) carries the notices it stands for in {@code items}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Notice(
        String eventType,
        IncidentId incidentId,
        CampaignId campaignId,
        int level,
        Severity severity,
        Sector sector,
        Tlp tlp,
        String link,
        Details details,
        List<Notice> items) {

    public static final String LEVEL_RAISED = "escalation.level-raised";
    public static final String REMINDER = "escalation.reminder";
    public static final String ESCALATED = "incident.escalated";
    public static final String SEVERITY_RAISED = "incident.severity-raised";
    public static final String DIGEST = "digest";

    /** The incident details a notice may carry: exactly what a redacted notice withholds. */
    public record Details(String title, String description, List<Observable> observables) {

        public Details {
            observables = observables == null ? List.of() : List.copyOf(observables);
        }
    }

    public Notice {
        items = items == null ? null : List.copyOf(items);
    }

    public boolean redacted() {
        return details == null && (items == null || items.stream().allMatch(Notice::redacted));
    }

    /** A digest of {@code notices} (oldest first), its headline fields those of the latest. */
    public static Notice digestOf(List<Notice> notices) {
        Notice latest = notices.get(notices.size() - 1);
        return new Notice(DIGEST, latest.incidentId(), latest.campaignId(), latest.level(), latest.severity(),
                latest.sector(), latest.tlp(), latest.link(), null, notices);
    }
}
