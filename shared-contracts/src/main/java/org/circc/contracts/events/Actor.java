package org.circc.contracts.events;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Objects;

/** Who caused a change: a principal (with its organisation) or the platform itself. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Actor(Kind kind, String id, String organisation) {

    public enum Kind { principal, system }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
    }

    public static Actor principal(String id, String organisation) {
        return new Actor(Kind.principal, id, Objects.requireNonNull(organisation, "organisation"));
    }

    public static Actor system(String service) {
        return new Actor(Kind.system, service, null);
    }
}
