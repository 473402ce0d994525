package org.circc.triage.command;

import org.circc.contracts.Category;
import org.circc.contracts.Observable;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What reports are correlated on, as keys that also read well as {@code matchedOn}: a normalised observable
 * ({@code observable ipv4:203.0.113.7}), or an affected asset together with the category
 * ({@code asset tickets.example.jp + availability:ddos}).
 */
final class CorrelationKeys {

    private CorrelationKeys() {
    }

    static List<String> of(Collection<Observable> observables, Collection<String> affectedAssets, Category category) {
        Set<String> keys = new LinkedHashSet<>();
        for (Observable observable : observables) {
            keys.add(ofObservable(observable));
        }
        for (String asset : affectedAssets) {
            String normalised = asset.strip().toLowerCase(Locale.ROOT);
            if (!normalised.isEmpty()) {
                keys.add("asset " + normalised + " + " + category.slug());
            }
        }
        return List.copyOf(keys);
    }

    static String ofObservable(Observable observable) {
        return "observable " + observable;
    }
}
