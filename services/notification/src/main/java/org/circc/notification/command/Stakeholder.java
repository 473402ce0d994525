package org.circc.notification.command;

import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;

import java.util.List;
import java.util.Objects;

/**
 * A directory entry: who a stakeholder is, how to reach it and what it subscribes to. Addresses stay in this
 * service; webhook secrets are not even here (see {@link WebhookSecrets}).
 *
 * @param subscriptions null when it subscribes to nothing (it is then told only as an escalation target)
 */
public record Stakeholder(String id, String name, StakeholderKind kind, String organisation, String principal,
                          Tlp clearance, List<Channel> channels, Subscriptions subscriptions) {

    /** A channel: {@code email} with an address, {@code webhook} with a URL in {@code address}, or {@code stream}. */
    public record Channel(String type, String address) {

        public static final String EMAIL = "email";
        public static final String WEBHOOK = "webhook";
        public static final String STREAM = "stream";
    }

    public Stakeholder {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(clearance, "clearance");
        channels = List.copyOf(channels);
    }

    public List<String> webhookUrls() {
        return channels.stream().filter(channel -> Channel.WEBHOOK.equals(channel.type())).map(Channel::address)
                .toList();
    }
}
