package org.circc.triage.command;

import org.circc.contracts.CampaignId;
import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.List;

/**
 * Stored when an incident was scored, at its report or again after an update, and placed in a campaign. It
 * carries the facts correlation needs to rebuild its state: {@code addedKeys} are the correlation keys the
 * incident gained (all of them at the report), {@code incidentScore} is the sum of its own factors.
 */
public record IncidentTriagedEvent(
        IncidentId incidentId,
        CampaignId campaignId,
        String reporterOrg,
        Sector sector,
        Tlp tlp,
        Category category,
        Impact impact,
        Instant reportedAt,
        List<String> addedKeys,
        double incidentScore,
        SeverityAssessment assessment,
        Instant triagedAt) {

    public IncidentTriagedEvent {
        addedKeys = List.copyOf(addedKeys);
    }
}
