package org.circc.intake.web;

import java.util.List;

/**
 * The report body of api.md as it arrives. Enumerated values stay text here so that an unknown one is a
 * 422 naming the field, not a 400 about a type.
 */
public record ReportIncidentRequest(
        String title,
        String description,
        String category,
        String sector,
        String detectedAt,
        String tlp,
        ImpactRequest impact,
        List<String> affectedAssets,
        List<ObservableRequest> observables) {

    public record ImpactRequest(String functional, String information, String recoverability) {
    }

    public record ObservableRequest(String type, String value) {
    }
}
