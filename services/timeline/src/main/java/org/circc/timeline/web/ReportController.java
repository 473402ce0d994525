package org.circc.timeline.web;

import org.circc.platform.web.Caller;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;
import org.circc.platform.web.Role;
import org.circc.timeline.query.IncidentQueries;
import org.circc.timeline.query.IncidentReport;
import org.circc.timeline.query.MarkdownReport;
import org.circc.timeline.query.StixBundle;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/** Post-incident reports (api.md, coordinator): JSON, Markdown, or a STIX 2.1 bundle. */
@RestController
public class ReportController {

    private static final MediaType MARKDOWN = MediaType.parseMediaType("text/markdown;charset=UTF-8");
    private static final MediaType STIX = MediaType.parseMediaType(StixBundle.MEDIA_TYPE);

    private final IncidentQueries queries;

    public ReportController(IncidentQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/api/v1/incidents/{id}/report")
    public Mono<ResponseEntity<Object>> report(Caller caller, @PathVariable String id,
                                               @RequestParam(defaultValue = "json") String format) {
        caller.requireAnyRole(Role.COORDINATOR);
        String requested = format.strip().toLowerCase(Locale.ROOT);
        if (!List.of("json", "markdown", "stix").contains(requested)) {
            throw ProblemException.invalid(List.of(new FieldProblem("format", "must be json, markdown or stix")));
        }
        return queries.report(caller.viewer(), RequestValues.incidentId(id))
                .switchIfEmpty(Mono.error(() -> ProblemException.notFound("no incident " + id)))
                .map(report -> switch (requested) {
                    case "markdown" -> ResponseEntity.ok().contentType(MARKDOWN).body(MarkdownReport.render(report));
                    case "stix" -> ResponseEntity.ok().contentType(STIX).body(StixBundle.of(report.incident()));
                    default -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(
                            new JsonReport(IncidentResource.of(report.incident()), entries(report),
                                    report.notifications(), report.responseTimes(), report.generatedAt()));
                });
    }

    public record JsonReport(IncidentResource incident, List<IncidentController.Entry> timeline,
                             List<IncidentReport.Notification> notifications, Map<String, Long> responseTimes,
                             Instant generatedAt) {
    }

    private static List<IncidentController.Entry> entries(IncidentReport report) {
        return IntStream.range(0, report.timeline().size())
                .mapToObj(index -> IncidentController.entry(index + 1, report.timeline().get(index)))
                .toList();
    }
}
