package org.circc.contracts.events;

import org.circc.contracts.Tlp;

import java.util.List;

/**
 * A stakeholder as the directory publishes it. Channels appear as their types only: endpoint secrets and
 * addresses never leave the notification service.
 */
public record StakeholderSnapshot(
        String stakeholderId,
        String name,
        StakeholderKind kind,
        String organisation,
        String principal,
        Tlp clearance,
        List<String> channelTypes,
        List<String> subscribedSectors,
        Integer subscribedMinSeverity,
        List<String> subscribedCategories) {

    public StakeholderSnapshot {
        channelTypes = List.copyOf(channelTypes);
        subscribedSectors = List.copyOf(subscribedSectors);
        subscribedCategories = List.copyOf(subscribedCategories);
    }
}
