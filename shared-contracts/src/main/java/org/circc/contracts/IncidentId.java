package org.circc.contracts;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.UUID;

/**
 * Server-assigned identifier of an incident: a UUID, version 4 when created by {@link #newId()}.
 * Travels in JSON as the plain UUID string, e.g. {@code "3f2b8c1e-9a4d-4e5f-8b6a-0c1d2e3f4a5b"}.
 */
public record IncidentId(UUID value) implements Comparable<IncidentId> {

    public IncidentId {
        if (value == null) {
            throw new InvalidValueException("incident id is required");
        }
    }

    /** A fresh random (version 4) id. */
    public static IncidentId newId() {
        return new IncidentId(UUID.randomUUID());
    }

    /**
     * Parses the canonical UUID form (surrounding whitespace ignored, either case).
     *
     * @throws InvalidValueException if {@code value} is null or not a UUID
     */
    @JsonCreator
    public static IncidentId of(String value) {
        return new IncidentId(Uuids.parse("incident id", value));
    }

    /** The lower-case UUID string; also the JSON form. */
    @JsonValue
    @Override
    public String toString() {
        return value.toString();
    }

    @Override
    public int compareTo(IncidentId other) {
        return value.compareTo(other.value);
    }
}
