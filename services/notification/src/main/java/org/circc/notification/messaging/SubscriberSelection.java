package org.circc.notification.messaging;

import org.circc.contracts.Category;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.notification.command.Stakeholder;

import java.util.Collection;
import java.util.List;

/** The stakeholders whose subscriptions match a campaign's sectors, the incident's category and the severity. */
final class SubscriberSelection {

    private SubscriberSelection() {
    }

    static List<Stakeholder> subscribers(Collection<Stakeholder> stakeholders, Collection<Sector> sectors,
                                         Category category, Severity severity) {
        return stakeholders.stream()
                .filter(stakeholder -> stakeholder.subscriptions() != null
                        && stakeholder.subscriptions().matches(sectors, category, severity))
                .toList();
    }
}
