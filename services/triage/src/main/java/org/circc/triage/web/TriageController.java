package org.circc.triage.web;

import org.circc.contracts.IncidentId;
import org.circc.contracts.InvalidValueException;
import org.circc.contracts.Severity;
import org.circc.contracts.events.Actor;
import org.circc.platform.web.Caller;
import org.circc.platform.web.CommandDispatcher;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;
import org.circc.platform.web.Role;
import org.circc.triage.command.OverrideSeverityCommand;
import org.circc.triage.command.UnknownIncidentException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.util.ArrayList;
import java.util.List;

/** The coordinator's severity override of api.md. */
@RestController
public class TriageController {

    static final int MAX_REASON_LENGTH = 2000;

    private final CommandDispatcher commands;

    public TriageController(CommandDispatcher commands) {
        this.commands = commands;
    }

    /** 202 once the override is stored, or when the incident already has that severity by override. */
    @PostMapping("/api/v1/incidents/{id}/triage")
    public Mono<ResponseEntity<Void>> override(Caller caller, @PathVariable String id,
                                               @RequestBody(required = false) OverrideSeverityRequest request) {
        caller.requireAnyRole(Role.COORDINATOR);
        IncidentId incidentId = incidentId(id);
        if (request == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request",
                    "a body {severity: 0..5, reason} is required", List.of());
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (request.severity() == null) {
            problems.add(new FieldProblem("severity", "is required: a level 0..5"));
        } else if (request.severity() < Severity.MIN_LEVEL || request.severity() > Severity.MAX_LEVEL) {
            problems.add(new FieldProblem("severity", "must be a level 0..5, not " + request.severity()));
        }
        String reason = request.reason() == null ? "" : request.reason().strip();
        if (reason.isEmpty()) {
            problems.add(new FieldProblem("reason", "is required: say why the severity is set"));
        } else if (reason.length() > MAX_REASON_LENGTH) {
            problems.add(new FieldProblem("reason", "must be at most " + MAX_REASON_LENGTH + " characters"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        OverrideSeverityCommand command = new OverrideSeverityCommand(incidentId, Severity.ofLevel(request.severity()),
                reason, Actor.principal(caller.principal(), caller.organisation()));
        return commands.dispatch(command)
                .onErrorMap(UnknownIncidentException.class, e -> ProblemException.notFound(e.getMessage()))
                .onErrorMap(AggregateNotFoundException.class, e -> ProblemException.notFound("no triaged incident " + id))
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
