package org.circc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/**
 * Server-assigned identifier of a campaign (correlated incidents): a UUID, version 4 when created by {@link #newId()}.
 * Travels in JSON as the plain UUID string, e.g. {@code "3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b"}.
 */
public record CampaignId(UUID value) implements Comparable<CampaignId> {

    public CampaignId {
        if (value == null) {
            throw new InvalidValueException("campaign id is required");
        }
    }

    /** A fresh random (version 4) id. */
    public static CampaignId newId() {
        return new CampaignId(UUID.randomUUID());
    }

    /**
     * Parses the canonical UUID form (surrounding whitespace ignored, either case).
     *
     * @throws InvalidValueException if {@code value} is null or not a UUID
     */
    @JsonCreator
    public static CampaignId of(String value) {
        return new CampaignId(Uuids.parse("campaign id", value));
    }

    /** The lower-case UUID string; also the JSON form. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }

    @Override
    public int compareTo(CampaignId other) {
        return value.compareTo(other.value);
    }
}
