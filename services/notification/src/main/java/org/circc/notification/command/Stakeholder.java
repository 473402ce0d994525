package org.circc.notification.command;

import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;

import java.util.List;

/** A directory entry: who a stakeholder is and how to reach it. Addresses and secrets stay in this service. */
public record Stakeholder(String id, String name, StakeholderKind kind, String organisation, String principal,
                          Tlp clearance, List<Channel> channels) {

    public record Channel(String type, String address) {
    }

    public Stakeholder {
        channels = List.copyOf(channels);
    }
}
