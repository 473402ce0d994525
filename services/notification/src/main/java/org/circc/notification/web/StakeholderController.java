package org.circc.notification.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.circc.contracts.events.Actor;
import org.circc.notification.command.DirectoryRuleViolation;
import org.circc.notification.command.RegisterStakeholderCommand;
import org.circc.notification.command.RemoveStakeholderCommand;
import org.circc.notification.command.ReplaceStakeholderCommand;
import org.circc.notification.query.StakeholderDirectory;
import org.circc.platform.web.Caller;
import org.circc.platform.web.CommandDispatcher;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;
import org.circc.platform.web.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.net.URI;
import java.util.List;

/** The stakeholder directory of api.md, for coordinators and admins. */
@RestController
@RequestMapping("/api/v1/stakeholders")
public class StakeholderController {

    private final StakeholderDirectory directory;
    private final StakeholderValidator validator;
    private final CommandDispatcher commands;

    public StakeholderController(StakeholderDirectory directory, StakeholderValidator validator,
                                 CommandDispatcher commands) {
        this.directory = directory;
        this.validator = validator;
        this.commands = commands;
    }

    @PostMapping
    public Mono<ResponseEntity<StakeholderResponse>> register(Caller caller, @RequestBody StakeholderRequest body) {
        caller.requireAnyRole(Role.COORDINATOR);
        return validated(body.id(), body)
                .flatMap(valid -> commands.dispatch(new RegisterStakeholderCommand(valid.stakeholder().id(),
                        valid.stakeholder(), valid.webhookSecrets(), false, actor(caller)))
                        .then(Mono.just(ResponseEntity.created(URI.create("/api/v1/stakeholders/" + body.id()))
                                .body(StakeholderResponse.of(valid.stakeholder())))))
                .onErrorMap(DirectoryRuleViolation.class, StakeholderController::problem);
    }

    @GetMapping
    public Mono<ListPage<StakeholderResponse>> list(Caller caller, @RequestParam(defaultValue = "0") int page,
                                                    @RequestParam(defaultValue = "50") int size) {
        caller.requireAnyRole(Role.COORDINATOR);
        Paging.check(page, size);
        return Mono.fromCallable(() -> new ListPage<>(directory.page(page, size).stream()
                        .map(StakeholderResponse::of).toList(), page, size, directory.count()))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @GetMapping("/{id}")
    public Mono<StakeholderResponse> get(Caller caller, @PathVariable String id) {
        caller.requireAnyRole(Role.COORDINATOR);
        return Mono.fromCallable(() -> directory.find(id).map(StakeholderResponse::of)
                        .orElseThrow(() -> unknown(id)))
                .subscribeOn(Schedulers.boundedElastic());
    }

    @PutMapping("/{id}")
    public Mono<StakeholderResponse> replace(Caller caller, @PathVariable String id,
                                             @RequestBody StakeholderRequest body) {
        caller.requireAnyRole(Role.COORDINATOR);
        if (body.id() != null && !body.id().equals(id)) {
            throw ProblemException.invalid(List.of(new FieldProblem("id", "must be the id of the path, " + id)));
        }
        return validated(id, body)
                .flatMap(valid -> commands.dispatch(new ReplaceStakeholderCommand(id, valid.stakeholder(),
                        valid.webhookSecrets(), actor(caller))).then(Mono.just(StakeholderResponse.of(valid.stakeholder()))))
                .onErrorMap(AggregateNotFoundException.class, e -> unknown(id))
                .onErrorMap(DirectoryRuleViolation.class, StakeholderController::problem);
    }

    @DeleteMapping("/{id}")
    public Mono<ResponseEntity<Void>> remove(Caller caller, @PathVariable String id) {
        caller.requireAnyRole(Role.COORDINATOR);
        return commands.dispatch(new RemoveStakeholderCommand(id, actor(caller)))
                .then(Mono.just(ResponseEntity.noContent().<Void>build()))
                .onErrorMap(AggregateNotFoundException.class, e -> unknown(id))
                .onErrorMap(DirectoryRuleViolation.class, StakeholderController::problem);
    }

    private Mono<StakeholderValidator.Validated> validated(String id, StakeholderRequest body) {
        return Mono.fromCallable(() -> validator.validate(id, body)).subscribeOn(Schedulers.boundedElastic());
    }

    private static Actor actor(Caller caller) {
        return Actor.principal(caller.principal(), caller.organisation());
    }

    private static ProblemException unknown(String id) {
        return ProblemException.notFound("no stakeholder " + id);
    }

    private static ProblemException problem(DirectoryRuleViolation violation) {
        return switch (violation.kind()) {
            case ALREADY_EXISTS, STILL_TARGETED -> ProblemException.conflict(violation.getMessage());
            case UNKNOWN -> ProblemException.notFound(violation.getMessage());
            case MISSING_SECRET -> ProblemException.invalid(List.of(new FieldProblem(violation.field(),
                    violation.getMessage())));
        };
    }
}
