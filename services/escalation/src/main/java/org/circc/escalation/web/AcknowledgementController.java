package org.circc.escalation.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.InvalidValueException;
import org.circc.contracts.events.Actor;
import org.circc.contracts.sharing.IncidentVisibility;
import org.circc.escalation.command.AcknowledgeEscalationCommand;
import org.circc.escalation.command.AcknowledgementForbiddenException;
import org.circc.escalation.command.Conflicts;
import org.circc.escalation.command.EscalationMergedException;
import org.circc.escalation.command.EscalationNotRunningException;
import org.circc.escalation.command.IncidentNotVisibleException;
import org.circc.escalation.command.IncidentSharing;
import org.circc.escalation.command.StakeholderDirectory;
import org.circc.escalation.query.IncidentRecord;
import org.circc.escalation.query.IncidentRegistry;
import org.circc.platform.web.Caller;
import org.circc.platform.web.CommandDispatcher;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;
import org.circc.platform.web.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.util.List;

/**
 * Acknowledging the chain of an incident's campaign (api.md). The {@code Escalation} aggregate decides against its
 * current level: 404 for an incident the caller may not see, 403 for one they see but are not targeted on, 409 once
 * the chain has ended, 202 otherwise (a second acknowledgement included).
 */
@RestController
public class AcknowledgementController {

    static final int MAX_NOTE_LENGTH = 4000;
    private static final int MAX_MERGE_HOPS = 10;

    private final IncidentRegistry registry;
    private final StakeholderDirectory directory;
    private final CommandDispatcher commands;

    public AcknowledgementController(IncidentRegistry registry, StakeholderDirectory directory,
                                     CommandDispatcher commands) {
        this.registry = registry;
        this.directory = directory;
        this.commands = commands;
    }

    @PostMapping("/api/v1/incidents/{id}/acknowledge")
    public Mono<ResponseEntity<Void>> acknowledge(Caller caller, @PathVariable String id,
                                                  @RequestBody(required = false) AcknowledgeRequest request) {
        caller.requireAnyRole(Role.RESPONDER, Role.COORDINATOR);
        IncidentId incidentId = incidentId(id);
        String note = request == null ? null : request.note();
        if (note != null && note.length() > MAX_NOTE_LENGTH) {
            throw ProblemException.invalid(List.of(new FieldProblem("note", "at most " + MAX_NOTE_LENGTH
                    + " characters")));
        }
        return Mono.fromCallable(() -> registry.find(incidentId))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(found -> {
                    IncidentRecord incident = found.filter(record -> record.sharing().isPresent())
                            .orElseThrow(() -> new IncidentNotVisibleException(incidentId));
                    IncidentSharing sharing = incident.sharing().orElseThrow();
                    CampaignId campaign = incident.campaignId()
                            .orElseThrow(() -> nothingToAcknowledge(caller, incidentId, sharing));
                    return acknowledge(new AcknowledgeEscalationCommand(campaign, incidentId, sharing,
                            caller.viewer(), Actor.principal(caller.principal(), caller.organisation()), note), 0)
                            .onErrorMap(AggregateNotFoundException.class,
                                    e -> nothingToAcknowledge(caller, incidentId, sharing));
                })
                .onErrorMap(IncidentNotVisibleException.class, e -> ProblemException.notFound(e.getMessage()))
                .onErrorMap(AcknowledgementForbiddenException.class, e -> ProblemException.forbidden(e.getMessage()))
                .onErrorMap(EscalationNotRunningException.class, e -> ProblemException.conflict(e.getMessage()))
                .then(Mono.just(ResponseEntity.accepted().<Void>build()));
    }

    /**
     * Another node (or a consumer's transaction) appended to the chain meanwhile: decided again. The campaign merged
     * away after it was looked up: acknowledged where its chain continues.
     */
    private Mono<Object> acknowledge(AcknowledgeEscalationCommand command, int hops) {
        return commands.dispatch(command)
                .retryWhen(Retry.max(3).filter(Conflicts::isConflict))
                .onErrorResume(EscalationMergedException.class, e -> hops < MAX_MERGE_HOPS
                        ? acknowledge(command.atCampaign(e.survivorId()), hops + 1)
                        : Mono.error(e));
    }

    /** An incident without a chain: 409 to whoever may see it, 404 to everyone else. */
    private RuntimeException nothingToAcknowledge(Caller caller, IncidentId incidentId, IncidentSharing sharing) {
        if (IncidentVisibility.maySeeDetails(caller.viewer(), sharing.facts(directory, List.of(), List.of()))) {
            return new EscalationNotRunningException("incident " + incidentId + " has no escalation to acknowledge");
        }
        return new IncidentNotVisibleException(incidentId);
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
