package org.circc.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.circc.contracts.InvalidValueException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.PayloadTooLargeException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebInputException;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Every error a service answers is an RFC 9457 {@code application/problem+json}; a 5xx never carries the
 * exception's text, only a reference to the log line that does.
 */
@RestControllerAdvice
public class ProblemDetailsHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsHandler.class);
    private static final String VALIDATION = "validation";

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<ProblemDetail> problem(ProblemException e) {
        return respond(e.status(), e.errors().isEmpty() ? slug(e.status()) : VALIDATION, e.title(), e.getMessage(),
                e.errors());
    }

    /** Spring 6.2 signals a body over {@code spring.codec.max-in-memory-size} this way, without a reason. */
    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<ProblemDetail> payloadTooLarge(PayloadTooLargeException e) {
        return respond(HttpStatus.PAYLOAD_TOO_LARGE, "payload-too-large", "Request body too large",
                "the request body exceeds the limit of this endpoint (256 KiB for reports)", List.of());
    }

    @ExceptionHandler(InvalidValueException.class)
    ResponseEntity<ProblemDetail> invalidValue(InvalidValueException e) {
        return respond(HttpStatus.UNPROCESSABLE_ENTITY, VALIDATION, "Invalid request", e.getMessage(), List.of());
    }

    @ExceptionHandler(WebExchangeBindException.class)
    ResponseEntity<ProblemDetail> bindingFailed(WebExchangeBindException e) {
        List<FieldProblem> errors = e.getFieldErrors().stream()
                .map(error -> new FieldProblem(error.getField(), error.getDefaultMessage()))
                .collect(Collectors.toList());
        return respond(HttpStatus.UNPROCESSABLE_ENTITY, VALIDATION, "Invalid request",
                errors.size() + " field(s) break a rule", errors);
    }

    @ExceptionHandler(ServerWebInputException.class)
    ResponseEntity<ProblemDetail> unreadable(ServerWebInputException e) {
        return respond(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", describe(e), List.of());
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ResponseEntity<ProblemDetail> unknownAggregate(AggregateNotFoundException e) {
        return respond(HttpStatus.NOT_FOUND, "not-found", "Not found", "no such resource", List.of());
    }

    @ExceptionHandler(ResponseStatusException.class)
    ResponseEntity<ProblemDetail> statusException(ResponseStatusException e) {
        HttpStatusCode status = e.getStatusCode();
        if (status.is5xxServerError()) {
            return unexpected(e);
        }
        String detail = e.getReason() != null ? e.getReason() : e.getBody().getDetail();
        return respond(status, slug(status), e.getBody().getTitle(),
                detail != null ? detail : e.getBody().getTitle(), List.of());
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e) {
        String reference = UUID.randomUUID().toString();
        log.error("unexpected error, reference {}", reference, e);
        return respond(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "the request could not be completed; reference " + reference, List.of());
    }

    private static ResponseEntity<ProblemDetail> respond(HttpStatusCode status, String type, String title,
                                                         String detail, List<FieldProblem> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:circc:problem:" + type));
        problem.setTitle(title);
        if (!errors.isEmpty()) {
            problem.setProperty("errors", errors);
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    private static String slug(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "error" : known.name().toLowerCase().replace('_', '-');
    }

    /** Jackson's message without the echo of the input it could not read. */
    private static String describe(ServerWebInputException e) {
        Throwable cause = e.getMostSpecificCause();
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "cannot read field '" + fieldPath(mapping) + "': " + mapping.getOriginalMessage();
        }
        if (cause instanceof JsonProcessingException json) {
            return "the body is not valid JSON: " + json.getOriginalMessage();
        }
        return e.getReason() != null ? e.getReason() : "the request cannot be read";
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
