package org.circc.notification.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;

/**
 * What a delivery tells its recipient. This is the redacted notice of the product brief (incident id, severity,
 * sector, TLP, level and a link, never title, description or observables): safe for every recipient whatever the
 * TLP. Details for the recipients the TLP table allows come with the notification work (issue 6).
 */
public record Notice(
        String eventType,
        IncidentId incidentId,
        CampaignId campaignId,
        int level,
        Severity severity,
        Sector sector,
        Tlp tlp,
        String link) {
}
