package org.circc.notification.web;

import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.List;

/** api.md's paging: {@code page} from 0, {@code size} 1 to 500. */
final class Paging {

    static final int MAX_SIZE = 500;

    private Paging() {
    }

    static void check(int page, int size) {
        List<FieldProblem> problems = new ArrayList<>();
        if (page < 0) {
            problems.add(new FieldProblem("page", "must be 0 or more"));
        }
        if (size < 1 || size > MAX_SIZE) {
            problems.add(new FieldProblem("size", "must be 1 to " + MAX_SIZE));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
    }
}
