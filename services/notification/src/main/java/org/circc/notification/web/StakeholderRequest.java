package org.circc.notification.web;

import java.util.List;

/** The body of POST and PUT {@code /api/v1/stakeholders}; every field checked by {@link StakeholderValidator}. */
public record StakeholderRequest(String id, String name, String kind, String organisation, String principal,
                                 String clearance, List<ChannelRequest> channels, SubscriptionsRequest subscriptions) {

    /** {@code {type: webhook, url, secret}}, {@code {type: email, address}} or {@code {type: stream}}. */
    public record ChannelRequest(String type, String url, String secret, String address) {
    }

    public record SubscriptionsRequest(List<String> sectors, Integer minSeverity, List<String> categories) {
    }
}
