package org.circc.notification.command;

import java.util.Map;
import java.util.Optional;

/**
 * Where webhook secrets live: apart from the stakeholder's events, so they are never stored in an event, published
 * or returned. Written in the transaction of the directory command that brings them.
 */
public interface WebhookSecrets {

    /** Replaces the stakeholder's secrets by {@code secretsByUrl}. */
    void replace(String stakeholderId, Map<String, String> secretsByUrl);

    Map<String, String> of(String stakeholderId);

    default Optional<String> secretFor(String stakeholderId, String url) {
        return Optional.ofNullable(of(stakeholderId).get(url));
    }
}
