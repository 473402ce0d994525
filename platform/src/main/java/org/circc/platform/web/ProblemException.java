package org.circc.platform.web;

import org.springframework.http.HttpStatus;

import java.util.List;

/** A client error that becomes an RFC 9457 problem: the status, a short title and a detail the client can act on. */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String title;
    private final List<FieldProblem> errors;

    public ProblemException(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public static ProblemException invalid(List<FieldProblem> errors) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_ENTITY, "Invalid request",
                errors.size() + " field(s) break a rule", errors);
    }

    public static ProblemException notFound(String detail) {
        return new ProblemException(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(HttpStatus.CONFLICT, "Conflict with the current state", detail, List.of());
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "Forbidden", detail, List.of());
    }

    public static ProblemException unauthenticated(String detail) {
        return new ProblemException(HttpStatus.UNAUTHORIZED, "Unauthenticated", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldProblem> errors() {
        return errors;
    }
}
