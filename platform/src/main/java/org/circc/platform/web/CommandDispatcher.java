package org.circc.platform.web;

import org.axonframework.commandhandling.gateway.CommandGateway;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends commands from reactive controllers: Axon's command handling and its JDBC append block, so they run on
 * the bounded elastic scheduler, never on an event-loop thread. The result is the handler's return value; a
 * handler's exception reaches the caller as itself, for {@link ProblemDetailsHandler} to answer.
 */
public class CommandDispatcher {

    private final CommandGateway commandGateway;

    public CommandDispatcher(CommandGateway commandGateway) {
        this.commandGateway = commandGateway;
    }

    public <R> Mono<R> dispatch(Object command) {
        return Mono.<R>fromCallable(() -> commandGateway.sendAndWait(command)).subscribeOn(Schedulers.boundedElastic());
    }
}
