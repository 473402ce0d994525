package org.circc.escalation.web;

import org.circc.contracts.events.Actor;
import org.circc.escalation.command.Conflicts;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.PolicySaveOutcome;
import org.circc.escalation.command.SavePolicyCommand;
import org.circc.escalation.query.PolicyRepository;
import org.circc.platform.web.Caller;
import org.circc.platform.web.CommandDispatcher;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;
import org.circc.platform.web.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import java.net.URI;
import java.util.List;
import java.util.concurrent.Callable;

/** api.md's escalation policies, for coordinators and admins. A saved policy applies to escalations started later. */
@RestController
@RequestMapping(path = "/api/v1/escalation-policies", produces = MediaType.APPLICATION_JSON_VALUE)
public class PolicyController {

    private static final int MAX_PAGE_SIZE = 500;

    private final PolicyRepository policies;
    private final PolicyValidator validator;
    private final CommandDispatcher commands;

    public PolicyController(PolicyRepository policies, PolicyValidator validator, CommandDispatcher commands) {
        this.policies = policies;
        this.validator = validator;
        this.commands = commands;
    }

    public record PolicyPage(List<PolicyDocument> items, int page, int size, int total) {
    }

    @GetMapping
    public Mono<PolicyPage> list(Caller caller, @RequestParam(defaultValue = "0") int page,
                                 @RequestParam(defaultValue = "50") int size) {
        caller.requireAnyRole(Role.COORDINATOR);
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid(List.of(new FieldProblem(page < 0 ? "page" : "size",
                    page < 0 ? "must be 0 or more" : "must be 1.." + MAX_PAGE_SIZE)));
        }
        return blocking(() -> {
            List<EscalationPolicy> all = policies.current();
            List<PolicyDocument> items = all.stream().skip((long) page * size).limit(size)
                    .map(PolicyDocument::of).toList();
            return new PolicyPage(items, page, size, all.size());
        });
    }

    @GetMapping("/{id}")
    public Mono<PolicyDocument> get(Caller caller, @PathVariable String id) {
        caller.requireAnyRole(Role.COORDINATOR);
        return blocking(() -> policies.find(id).map(PolicyDocument::of)
                .orElseThrow(() -> ProblemException.notFound("no escalation policy " + id)));
    }

    /** 201 when the policy is new, 200 when it replaced (or already had) these rules. */
    @PutMapping("/{id}")
    public Mono<ResponseEntity<PolicyDocument>> put(Caller caller, @PathVariable String id,
                                                    @RequestBody(required = false) PolicyDocument document) {
        caller.requireAnyRole(Role.COORDINATOR);
        if (document == null) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request", "a policy body is required",
                    List.of());
        }
        return blocking(() -> validator.validate(id, document))
                .flatMap(policy -> commands.<PolicySaveOutcome>dispatch(new SavePolicyCommand(policy,
                                Actor.principal(caller.principal(), caller.organisation()), false))
                        // a concurrent PUT of the same policy stored first: decide again against its version
                        .retryWhen(Retry.max(3).filter(Conflicts::isConflict)))
                .flatMap(outcome -> blocking(() -> {
                    PolicyDocument saved = PolicyDocument.of(policies.find(id).orElseThrow());
                    return outcome == PolicySaveOutcome.CREATED
                            ? ResponseEntity.created(URI.create("/api/v1/escalation-policies/" + id)).body(saved)
                            : ResponseEntity.ok(saved);
                }));
    }

    private static <T> Mono<T> blocking(Callable<T> query) {
        return Mono.fromCallable(query).subscribeOn(Schedulers.boundedElastic());
    }
}
