package org.circc.triage.command;

import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;

import java.time.Instant;
import java.util.List;

/** Reports for the tests: the api.md example unless told otherwise. */
record Reports(IncidentId incidentId, String organisation, Category category, Sector sector, Tlp tlp, Impact impact,
               List<String> assets, List<Observable> observables, Instant reportedAt) {

    static final Instant T0 = Instant.parse("2026-07-24T10:20:00Z");
    static final Impact API_EXAMPLE_IMPACT =
            new Impact(Impact.Functional.HIGH, Impact.Information.NONE, Impact.Recoverability.REGULAR);

    static Reports apiExample() {
        return new Reports(IncidentId.newId(), "venue-tokyo", Category.parse("availability:ddos"),
                Sector.GAMES_TICKETING, Tlp.AMBER, API_EXAMPLE_IMPACT, List.of("tickets.example.jp"),
                List.of(ipv4("203.0.113.7")), T0);
    }

    static Observable ipv4(String address) {
        return Observable.of(ObservableType.IPV4, address);
    }

    Reports from(String organisation) {
        return new Reports(IncidentId.newId(), organisation, category, sector, tlp, impact, assets, observables, reportedAt);
    }

    Reports in(Sector sector) {
        return new Reports(incidentId, organisation, category, sector, tlp, impact, assets, observables, reportedAt);
    }

    Reports with(Tlp tlp) {
        return new Reports(incidentId, organisation, category, sector, tlp, impact, assets, observables, reportedAt);
    }

    Reports with(Impact impact) {
        return new Reports(incidentId, organisation, category, sector, tlp, impact, assets, observables, reportedAt);
    }

    Reports with(Category category) {
        return new Reports(incidentId, organisation, category, sector, tlp, impact, assets, observables, reportedAt);
    }

    Reports withAssets(String... assets) {
        return new Reports(incidentId, organisation, category, sector, tlp, impact, List.of(assets), observables, reportedAt);
    }

    Reports withObservables(Observable... observables) {
        return new Reports(incidentId, organisation, category, sector, tlp, impact, assets, List.of(observables), reportedAt);
    }

    Reports at(Instant reportedAt) {
        return new Reports(incidentId, organisation, category, sector, tlp, impact, assets, observables, reportedAt);
    }

    TriageIncidentCommand command() {
        return new TriageIncidentCommand(incidentId, organisation, category, sector, tlp, impact, assets, observables,
                reportedAt);
    }
}
