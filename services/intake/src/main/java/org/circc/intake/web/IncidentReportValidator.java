package org.circc.intake.web;

import org.circc.contracts.Category;
import org.circc.contracts.Impact;
import org.circc.contracts.InvalidValueException;
import org.circc.contracts.Observable;
import org.circc.contracts.ObservableType;
import org.circc.contracts.Sector;
import org.circc.contracts.Tlp;
import org.circc.intake.command.IncidentReport;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;
import org.springframework.http.HttpStatus;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Supplier;

/** The rules of api.md for a report body; every offending field is reported at once. */
public class IncidentReportValidator {

    static final int MAX_TITLE_LENGTH = 200;
    static final int MAX_OBSERVABLES = 1000;
    static final Duration ALLOWED_CLOCK_SKEW = Duration.ofMinutes(5);

    private final Clock clock;

    public IncidentReportValidator(Clock clock) {
        this.clock = clock;
    }

    /**
     * @throws ProblemException 400 when {@code detectedAt} is not a time with an offset, 422 listing every
     *                          field that breaks a rule
     */
    public IncidentReport validate(ReportIncidentRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        String title = validateTitle(request.title(), problems);
        Category category = required("category", request.category(), problems, () -> Category.parse(request.category()));
        Sector sector = required("sector", request.sector(), problems, () -> Sector.fromSlug(request.sector()));
        Instant detectedAt = validateDetectedAt(request.detectedAt(), problems);
        Tlp tlp = request.tlp() == null ? Tlp.AMBER : parse("tlp", problems, () -> Tlp.parse(request.tlp()));
        Impact impact = validateImpact(request.impact(), problems);
        List<Observable> observables = validateObservables(request.observables(), problems);
        List<String> affectedAssets = validateAffectedAssets(request.affectedAssets(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new IncidentReport(title, request.description(), category, sector, tlp, impact, affectedAssets,
                observables, detectedAt);
    }

    /** A validated update: {@code impact} null when the body names none (unchanged). */
    public record ValidatedUpdate(String note, List<Observable> observables, Impact impact) {
    }

    /** @throws ProblemException 422 listing every field that breaks a rule */
    public ValidatedUpdate validateUpdate(UpdateIncidentRequest request) {
        List<FieldProblem> problems = new ArrayList<>();
        UpdateIncidentRequest body = request == null ? new UpdateIncidentRequest(null, null, null) : request;
        String note = requiredText("note", body.note(), problems);
        Impact impact = body.impact() == null ? null : validateImpact(body.impact(), problems);
        List<Observable> observables = validateObservables(body.observables(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new ValidatedUpdate(note, observables, impact);
    }

    /** @throws ProblemException 422 when the text is missing or blank */
    public String requireText(String field, String value) {
        List<FieldProblem> problems = new ArrayList<>();
        String text = requiredText(field, value, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return text;
    }

    private static String requiredText(String field, String value, List<FieldProblem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
        }
        return value;
    }

    private static String validateTitle(String title, List<FieldProblem> problems) {
        if (title == null || title.isBlank()) {
            problems.add(new FieldProblem("title", "is required"));
        } else if (title.length() > MAX_TITLE_LENGTH) {
            problems.add(new FieldProblem("title", "must be at most " + MAX_TITLE_LENGTH + " characters"));
        } else if (title.chars().anyMatch(Character::isISOControl)) {
            problems.add(new FieldProblem("title", "must not contain control characters"));
        }
        return title;
    }

    private Instant validateDetectedAt(String detectedAt, List<FieldProblem> problems) {
        if (detectedAt == null) {
            problems.add(new FieldProblem("detectedAt", "is required"));
            return null;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(detectedAt).toInstant();
        } catch (DateTimeParseException e) {
            throw new ProblemException(HttpStatus.BAD_REQUEST, "Malformed request",
                    "detectedAt must be an ISO-8601 time with an offset, such as 2026-07-24T10:15:00Z or 2026-07-24T19:15:00+09:00",
                    List.of(new FieldProblem("detectedAt", "not an ISO-8601 time with an offset")));
        }
        if (instant.isAfter(clock.instant().plus(ALLOWED_CLOCK_SKEW))) {
            problems.add(new FieldProblem("detectedAt", "must not be more than 5 minutes in the future"));
        }
        return instant;
    }

    private static Impact validateImpact(ReportIncidentRequest.ImpactRequest impact, List<FieldProblem> problems) {
        if (impact == null) {
            return Impact.NONE;
        }
        Impact.Functional functional = impact.functional() == null ? Impact.NONE.functional()
                : parse("impact.functional", problems, () -> Impact.Functional.fromSlug(impact.functional()));
        Impact.Information information = impact.information() == null ? Impact.NONE.information()
                : parse("impact.information", problems, () -> Impact.Information.fromSlug(impact.information()));
        Impact.Recoverability recoverability = impact.recoverability() == null ? Impact.NONE.recoverability()
                : parse("impact.recoverability", problems, () -> Impact.Recoverability.fromSlug(impact.recoverability()));
        return functional == null || information == null || recoverability == null
                ? null : new Impact(functional, information, recoverability);
    }

    /** A null entry would otherwise fail in {@link IncidentReport}'s {@code List.copyOf}: a 500 instead of a 422. */
    private static List<String> validateAffectedAssets(List<String> requested, List<FieldProblem> problems) {
        if (requested == null) {
            return List.of();
        }
        for (int i = 0; i < requested.size(); i++) {
            if (requested.get(i) == null) {
                problems.add(new FieldProblem("affectedAssets[" + i + "]", "must not be null"));
            }
        }
        return requested;
    }

    private static List<Observable> validateObservables(List<ReportIncidentRequest.ObservableRequest> requested,
                                                        List<FieldProblem> problems) {
        if (requested == null) {
            return List.of();
        }
        if (requested.size() > MAX_OBSERVABLES) {
            problems.add(new FieldProblem("observables", "at most " + MAX_OBSERVABLES + " observables per report"));
            return List.of();
        }
        LinkedHashSet<Observable> observables = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            ReportIncidentRequest.ObservableRequest observable = requested.get(i);
            String field = "observables[" + i + "]";
            if (observable == null) {
                problems.add(new FieldProblem(field, "must not be null"));
                continue;
            }
            ObservableType type = required(field + ".type", observable.type(), problems,
                    () -> ObservableType.fromSlug(observable.type()));
            if (type != null) {
                Observable parsed = required(field + ".value", observable.value(), problems,
                        () -> Observable.of(type, observable.value()));
                if (parsed != null) {
                    observables.add(parsed);
                }
            }
        }
        return List.copyOf(observables);
    }

    private static <T> T required(String field, String raw, List<FieldProblem> problems, Supplier<T> parser) {
        if (raw == null || raw.isBlank()) {
            problems.add(new FieldProblem(field, "is required"));
            return null;
        }
        return parse(field, problems, parser);
    }

    private static <T> T parse(String field, List<FieldProblem> problems, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem(field, e.getMessage()));
            return null;
        }
    }
}
