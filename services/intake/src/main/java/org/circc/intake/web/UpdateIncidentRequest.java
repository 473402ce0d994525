package org.circc.intake.web;

import java.util.List;

/** {@code POST /api/v1/incidents/{id}/updates}: a note, optionally observables and a new impact. */
public record UpdateIncidentRequest(String note, List<ReportIncidentRequest.ObservableRequest> observables,
                                    ReportIncidentRequest.ImpactRequest impact) {
}
