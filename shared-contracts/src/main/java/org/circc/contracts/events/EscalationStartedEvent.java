package org.circc.contracts.events;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Severity;

import java.time.Instant;
import java.util.UUID;

/** v1 — a campaign's escalation chain started under a policy; the chain keeps that policy version until it ends. */
public record EscalationStartedEvent(
        UUID escalationId,
        CampaignId campaignId,
        IncidentId incidentId,
        String policyId,
        long policyVersion,
        Severity severity,
        Instant occurredAt) implements IncidentEvent {

    @Override
    public String subject() {
        return escalationId.toString();
    }
}
