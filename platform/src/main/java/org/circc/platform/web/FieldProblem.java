package org.circc.platform.web;

/** One offending field of a request, {@code field} a dotted path such as {@code observables[3].value}. */
public record FieldProblem(String field, String message) {
}
