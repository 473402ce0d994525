package org.circc.intake.web;

import org.circc.contracts.IncidentId;
import org.circc.contracts.InvalidValueException;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.sharing.Viewer;
import org.circc.intake.command.CloseIncidentCommand;
import org.circc.intake.command.ContainIncidentCommand;
import org.circc.intake.command.IllegalIncidentTransitionException;
import org.circc.intake.command.IncidentActionForbiddenException;
import org.circc.intake.command.IncidentNotVisibleException;
import org.circc.intake.command.IncidentReport;
import org.circc.intake.command.ReportIncidentCommand;
import org.circc.intake.command.ResolveIncidentCommand;
import org.circc.intake.command.UpdateIncidentCommand;
import org.circc.intake.command.WithdrawIncidentCommand;
import org.circc.platform.web.Caller;
import org.circc.platform.web.CommandDispatcher;
import org.circc.platform.web.ProblemException;
import org.circc.platform.web.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * The incident commands of api.md. Roles are checked here (403 for a role that may never take the action);
 * visibility and the right to act on one incident are checked by the {@code Incident} aggregate with the
 * caller as a {@link Viewer}, and its exceptions become 404, 403 and 409 problems here.
 */
@RestController
@RequestMapping("/api/v1/incidents")
public class IncidentController {

    static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final CommandDispatcher commands;
    private final IncidentReportValidator validator;
    private final IdempotentSubmissions idempotentSubmissions;
    private final ReportMetrics metrics;

    public IncidentController(CommandDispatcher commands, IncidentReportValidator validator,
                              IdempotentSubmissions idempotentSubmissions, ReportMetrics metrics) {
        this.commands = commands;
        this.validator = validator;
        this.idempotentSubmissions = idempotentSubmissions;
        this.metrics = metrics;
    }

    public record IncidentAccepted(IncidentId incidentId, IncidentStatus status, Map<String, String> links) {
    }

    @PostMapping
    public Mono<ResponseEntity<IncidentAccepted>> report(Caller caller,
                                                         @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
                                                         @RequestBody(required = false) Mono<ReportIncidentRequest> body) {
        caller.requireAnyRole(Role.OPERATOR);
        if (idempotencyKey != null) {
            IdempotentSubmissions.checkKey(idempotencyKey);
        }
        // decoded here rather than by the argument resolver, so that unreadable bodies (400) count as rejected too
        return body
                .doOnError(ServerWebInputException.class, e -> metrics.rejected(null))
                .switchIfEmpty(Mono.error(() -> {
                    metrics.rejected(null);
                    return new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request", "a report body is required", List.of());
                }))
                .flatMap(request -> file(caller, idempotencyKey, request));
    }

    private Mono<ResponseEntity<IncidentAccepted>> file(Caller caller, String idempotencyKey, ReportIncidentRequest request) {
        IncidentReport report;
        try {
            report = validator.validate(request);
        } catch (ProblemException e) {
            metrics.rejected(request);
            return Mono.error(e);
        }
        ReportIncidentCommand command = new ReportIncidentCommand(IncidentId.newId(), report,
                Actor.principal(caller.principal(), caller.organisation()));
        Mono<IncidentId> filed = idempotencyKey == null
                ? commands.dispatch(command).then(Mono.just(command.incidentId()))
                : idempotentSubmissions.submit(caller.organisation(), idempotencyKey,
                        IdempotentSubmissions.canonicalSha256(request), command);
        return filed.map(incidentId -> {
            if (incidentId.equals(command.incidentId())) {
                metrics.accepted(report.sector(), report.category());
            }
            String self = "/api/v1/incidents/" + incidentId;
            return ResponseEntity.accepted()
                    .location(URI.create(self))
                    .body(new IncidentAccepted(incidentId, IncidentStatus.REPORTED,
                            Map.of("self", self, "timeline", self + "/timeline")));
        });
    }

    @PostMapping("/{id}/updates")
    public Mono<ResponseEntity<Void>> update(Caller caller, @PathVariable String id,
                                             @RequestBody(required = false) UpdateIncidentRequest request) {
        caller.requireAnyRole(Role.OPERATOR, Role.COORDINATOR);
        IncidentId incidentId = incidentId(id);
        IncidentReportValidator.ValidatedUpdate update = validator.validateUpdate(request);
        return send(new UpdateIncidentCommand(incidentId, update.note(), update.observables(), update.impact(),
                caller.viewer()));
    }

    @PostMapping("/{id}/withdraw")
    public Mono<ResponseEntity<Void>> withdraw(Caller caller, @PathVariable String id,
                                               @RequestBody(required = false) WithdrawRequest request) {
        caller.requireAnyRole(Role.OPERATOR);
        IncidentId incidentId = incidentId(id);
        String reason = validator.requireText("reason", request == null ? null : request.reason());
        return send(new WithdrawIncidentCommand(incidentId, reason, caller.viewer()));
    }

    @PostMapping("/{id}/contain")
    public Mono<ResponseEntity<Void>> contain(Caller caller, @PathVariable String id,
                                              @RequestBody(required = false) SummaryRequest request) {
        caller.requireAnyRole(Role.RESPONDER, Role.COORDINATOR);
        IncidentId incidentId = incidentId(id);
        return send(new ContainIncidentCommand(incidentId, summary(request), caller.viewer()));
    }

    @PostMapping("/{id}/resolve")
    public Mono<ResponseEntity<Void>> resolve(Caller caller, @PathVariable String id,
                                              @RequestBody(required = false) SummaryRequest request) {
        caller.requireAnyRole(Role.RESPONDER, Role.COORDINATOR);
        IncidentId incidentId = incidentId(id);
        return send(new ResolveIncidentCommand(incidentId, summary(request), caller.viewer()));
    }

    @PostMapping("/{id}/close")
    public Mono<ResponseEntity<Void>> close(Caller caller, @PathVariable String id,
                                            @RequestBody(required = false) SummaryRequest request) {
        caller.requireAnyRole(Role.COORDINATOR);
        IncidentId incidentId = incidentId(id);
        return send(new CloseIncidentCommand(incidentId, summary(request), caller.viewer()));
    }

    private String summary(SummaryRequest request) {
        return validator.requireText("summary", request == null ? null : request.summary());
    }

    /** 202 whether the command changed something or its effect already held (a no-op). */
    private Mono<ResponseEntity<Void>> send(Object command) {
        return commands.dispatch(command)
                .onErrorMap(IncidentNotVisibleException.class, e -> ProblemException.notFound(e.getMessage()))
                .onErrorMap(IncidentActionForbiddenException.class, e -> ProblemException.forbidden(e.getMessage()))
                .onErrorMap(IllegalIncidentTransitionException.class, e -> ProblemException.conflict(e.getMessage()))
                .then(Mono.just(ResponseEntity.accepted().<Void>build()));
    }

    /** A path segment that is not an incident id names no incident: 404, like an unknown id. */
    private static IncidentId incidentId(String id) {
        try {
            return IncidentId.of(id);
        } catch (InvalidValueException e) {
            throw ProblemException.notFound("no incident " + id);
        }
    }
}
