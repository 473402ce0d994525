package org.circc.intake.web;

import org.circc.contracts.IncidentId;
import org.circc.contracts.events.Actor;
import org.circc.contracts.events.IncidentStatus;
import org.circc.intake.command.ReportIncidentCommand;
import org.circc.platform.web.Caller;
import org.circc.platform.web.CommandDispatcher;
import org.circc.platform.web.ProblemException;
import org.circc.platform.web.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.List;
import java.util.Map;

@RestController
@RequestMapping("/api/v1/incidents")
public class IncidentController {

    private final CommandDispatcher commands;
    private final IncidentReportValidator validator;

    public IncidentController(CommandDispatcher commands, IncidentReportValidator validator) {
        this.commands = commands;
        this.validator = validator;
    }

    public record IncidentAccepted(IncidentId incidentId, IncidentStatus status, Map<String, String> links) {
    }

    @PostMapping
    public Mono<ResponseEntity<IncidentAccepted>> report(Caller caller, @RequestBody(required = false) ReportIncidentRequest request) {
        caller.requireAnyRole(Role.OPERATOR);
        if (request == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request", "a report body is required", List.of());
        }
        IncidentId incidentId = IncidentId.newId();
        ReportIncidentCommand command = new ReportIncidentCommand(incidentId, validator.validate(request),
                Actor.principal(caller.principal(), caller.organisation()));
        String self = "/api/v1/incidents/" + incidentId;
        return commands.dispatch(command).then(Mono.fromSupplier(() -> ResponseEntity
                .accepted()
                .location(URI.create(self))
                .body(new IncidentAccepted(incidentId, IncidentStatus.REPORTED,
                        Map.of("self", self, "timeline", self + "/timeline")))));
    }
}
