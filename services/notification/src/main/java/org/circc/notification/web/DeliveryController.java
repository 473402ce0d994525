package org.circc.notification.web;

import org.axonframework.modelling.command.AggregateNotFoundException;
import org.circc.contracts.events.Actor;
import org.circc.notification.command.DeliveryNotResendable;
import org.circc.notification.command.DeliveryState;
import org.circc.notification.command.ResendDeliveryCommand;
import org.circc.notification.query.DeliveryQueries;
import org.circc.notification.query.DeliveryView;
import org.circc.platform.web.Caller;
import org.circc.platform.web.CommandDispatcher;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;
import org.circc.platform.web.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Delivery records and re-sends (api.md), for coordinators and admins. */
@RestController
@RequestMapping("/api/v1/deliveries")
public class DeliveryController {

    private final DeliveryQueries deliveries;
    private final CommandDispatcher commands;

    public DeliveryController(DeliveryQueries deliveries, CommandDispatcher commands) {
        this.deliveries = deliveries;
        this.commands = commands;
    }

    @GetMapping
    public Mono<ListPage<DeliveryView>> list(Caller caller, @RequestParam(required = false) String incidentId,
                                             @RequestParam(required = false) String stakeholderId,
                                             @RequestParam(required = false) List<String> state,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "50") int size) {
        caller.requireAnyRole(Role.COORDINATOR);
        Paging.check(page, size);
        List<String> states = states(state);
        return Mono.fromCallable(() -> {
            DeliveryQueries.Page found = deliveries.list(incidentId, stakeholderId, states, page, size);
            return new ListPage<>(found.items(), page, size, found.total());
        }).subscribeOn(Schedulers.boundedElastic());
    }

    @PostMapping("/{id}/resend")
    public Mono<ResponseEntity<Void>> resend(Caller caller, @PathVariable String id) {
        caller.requireAnyRole(Role.COORDINATOR);
        UUID deliveryId = deliveryId(id);
        return commands.dispatch(new ResendDeliveryCommand(deliveryId,
                        Actor.principal(caller.principal(), caller.organisation())))
                .then(Mono.just(ResponseEntity.accepted().<Void>build()))
                .onErrorMap(AggregateNotFoundException.class, e -> ProblemException.notFound("no delivery " + id))
                .onErrorMap(DeliveryNotResendable.class, e -> ProblemException.conflict(e.getMessage()));
    }

    private static UUID deliveryId(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no delivery " + id);
        }
    }

    private static List<String> states(List<String> requested) {
        if (requested == null) {
            return List.of();
        }
        List<String> states = new ArrayList<>();
        for (String state : requested) {
            try {
                states.add(DeliveryState.valueOf(state).name());
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid(List.of(new FieldProblem("state",
                        "must be QUEUED, SENT, DELIVERED, FAILED or DEAD_LETTERED")));
            }
        }
        return states;
    }
}
