package org.circc.notification.query;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A delivery record of api.md. */
public record DeliveryView(UUID deliveryId, String stakeholderId, String channel, String incidentId,
                           String campaignId, int level, String eventType, boolean redacted, String state,
                           List<Attempt> attempts, Instant createdAt,
                           @JsonInclude(JsonInclude.Include.NON_NULL) Instant deliveredAt) {

    /** One attempt: its outcome, the response code when there was one, the error when it failed, its duration. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attempt(int attempt, Instant at, String outcome, Integer status, String error, long durationMs) {
    }
}
