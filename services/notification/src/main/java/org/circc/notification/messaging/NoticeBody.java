package org.circc.notification.messaging;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.notification.command.Notice;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The JSON of a notice as webhooks and the stream receive it (api.md "Webhooks"): title, description and
 * observables only when the notice carries details; a digest's notices in {@code items}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NoticeBody(UUID deliveryId, String eventType, IncidentId incidentId, CampaignId campaignId,
                         Sector sector, Tlp tlp, Severity severity, int level, String title, String description,
                         List<Observable> observables, Map<String, String> links, List<NoticeBody> items) {

    public static NoticeBody of(UUID deliveryId, Notice notice) {
        Notice.Details details = notice.details();
        return new NoticeBody(deliveryId, notice.eventType(), notice.incidentId(), notice.campaignId(),
                notice.sector(), notice.tlp(), notice.severity(), notice.level(),
                details == null ? null : details.title(), details == null ? null : details.description(),
                details == null ? null : details.observables(), Map.of("incident", notice.link()),
                notice.items() == null ? null : notice.items().stream().map(item -> of(null, item)).toList());
    }
}
