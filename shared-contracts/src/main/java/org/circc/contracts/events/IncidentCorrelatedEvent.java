package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;

import java.time.Instant;

/**
 * v1 — triage linked an incident to a campaign that already had other members. {@code matchedOn} names the
 * link (e.g. {@code observable ipv4:203.0.113.7}, {@code asset tickets.example.jp + availability:ddos});
 * {@code reportCount} is the campaign's size once the incident joined.
 */
public record IncidentCorrelatedEvent(
        IncidentId incidentId,
        CampaignId campaignId,
        String matchedOn,
        int reportCount,
        Instant occurredAt) implements IncidentEvent {

    @Override
    public String subject() {
        return incidentId.toString();
    }
}
