package org.circc.notification.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.Subscriptions;

import java.util.List;

/** A stakeholder as the API returns it: webhook secrets are write-only and never appear. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record StakeholderResponse(String id, String name, StakeholderKind kind, String organisation,
                                  String principal, Tlp clearance, List<ChannelResponse> channels,
                                  Subscriptions subscriptions) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChannelResponse(String type, String url, String address) {
    }

    static StakeholderResponse of(Stakeholder stakeholder) {
        return new StakeholderResponse(stakeholder.id(), stakeholder.name(), stakeholder.kind(),
                stakeholder.organisation(), stakeholder.principal(), stakeholder.clearance(),
                stakeholder.channels().stream().map(channel -> switch (channel.type()) {
                    case Stakeholder.Channel.WEBHOOK -> new ChannelResponse(channel.type(), channel.address(), null);
                    case Stakeholder.Channel.EMAIL -> new ChannelResponse(channel.type(), null, channel.address());
                    default -> new ChannelResponse(channel.type(), null, null);
                }).toList(),
                stakeholder.subscriptions());
    }
}
