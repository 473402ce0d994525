package org.circc.timeline.web;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.InvalidValueException;
import org.circc.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Path and query values as api.md reads them; what does not parse is 400, an id that is no UUID names nothing (404). */
final class RequestValues {

    private RequestValues() {
    }

    static IncidentId incidentId(String id) {
        try {
            return IncidentId.of(id);
        } catch (InvalidValueException e) {
            throw ProblemException.notFound("no incident " + id);
        }
    }

    static CampaignId campaignId(String id) {
        try {
            return CampaignId.of(id);
        } catch (InvalidValueException e) {
            throw ProblemException.notFound("no campaign " + id);
        }
    }

    /** @return null when absent; 400 unless an ISO-8601 time with an offset */
    static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request",
                    name + " must be an ISO-8601 time with an offset, such as 2026-07-24T14:05:00Z", List.of());
        }
    }
}
