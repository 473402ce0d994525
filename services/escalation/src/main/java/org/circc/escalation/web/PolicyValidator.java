package org.circc.escalation.web;

import org.circc.contracts.InvalidValueException;
import org.circc.contracts.Sector;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.StakeholderDirectory;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules of a policy (api.md): a slug id, a minimum severity 0..5, known sectors, levels numbered 1, 2, 3…
 * in order, each with existing targets and a positive ackWithin. Every broken rule is one field error (422).
 */
public class PolicyValidator {

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final int MAX_LEVELS = 20;
    private static final int MAX_TARGETS = 100;

    private final StakeholderDirectory directory;

    public PolicyValidator(StakeholderDirectory directory) {
        this.directory = directory;
    }

    public EscalationPolicy validate(String id, PolicyDocument document) {
        List<FieldProblem> errors = new ArrayList<>();
        if (!SLUG.matcher(id).matches()) {
            errors.add(new FieldProblem("id", "must be a slug: [a-z0-9][a-z0-9-]{0,63}"));
        }
        if (document.id() != null && !document.id().equals(id)) {
            errors.add(new FieldProblem("id", "must be the id of the path, " + id));
        }
        int minSeverity = 0;
        List<String> sectors = List.of();
        if (document.appliesTo() == null) {
            errors.add(new FieldProblem("appliesTo", "is required"));
        } else {
            minSeverity = severity("appliesTo.minSeverity", document.appliesTo().minSeverity(), true, errors);
            sectors = sectors(document.appliesTo().sectors(), errors);
        }
        List<EscalationPolicy.Level> levels = levels(document.levels(), errors);
        unknownTargets(document.levels(), errors);
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new EscalationPolicy(id, 0, minSeverity, sectors, levels);
    }

    private static List<String> sectors(List<String> sectors, List<FieldProblem> errors) {
        if (sectors == null) {
            return List.of();
        }
        List<String> slugs = new ArrayList<>();
        for (int i = 0; i < sectors.size(); i++) {
            try {
                slugs.add(Sector.fromSlug(sectors.get(i)).slug());
            } catch (InvalidValueException e) {
                errors.add(new FieldProblem("appliesTo.sectors[" + i + "]", e.getMessage()));
            }
        }
        return slugs.stream().distinct().toList();
    }

    private static List<EscalationPolicy.Level> levels(List<PolicyDocument.LevelDocument> levels,
                                                       List<FieldProblem> errors) {
        if (levels == null || levels.isEmpty()) {
            errors.add(new FieldProblem("levels", "at least one level is required"));
            return List.of();
        }
        if (levels.size() > MAX_LEVELS) {
            errors.add(new FieldProblem("levels", "at most " + MAX_LEVELS + " levels"));
            return List.of();
        }
        List<EscalationPolicy.Level> result = new ArrayList<>();
        for (int i = 0; i < levels.size(); i++) {
            String path = "levels[" + i + "]";
            PolicyDocument.LevelDocument level = levels.get(i);
            if (level == null) {
                errors.add(new FieldProblem(path, "is required"));
                continue;
            }
            if (level.level() == null || level.level() != i + 1) {
                errors.add(new FieldProblem(path + ".level", "levels ascend from 1 without gaps: expected " + (i + 1)));
            }
            List<String> targets = targets(path, level.targets(), errors);
            Duration ackWithin = ackWithin(path + ".ackWithin", level.ackWithin(), errors);
            Integer minSeverity = level.minSeverity() == null ? null
                    : severity(path + ".minSeverity", level.minSeverity(), false, errors);
            result.add(new EscalationPolicy.Level(i + 1, targets, ackWithin, minSeverity));
        }
        return result;
    }

    private static List<String> targets(String path, List<String> targets, List<FieldProblem> errors) {
        if (targets == null || targets.isEmpty()) {
            errors.add(new FieldProblem(path + ".targets", "at least one target stakeholder is required"));
            return List.of();
        }
        if (targets.size() > MAX_TARGETS) {
            errors.add(new FieldProblem(path + ".targets", "at most " + MAX_TARGETS + " targets"));
            return List.of();
        }
        for (int j = 0; j < targets.size(); j++) {
            if (targets.get(j) == null || !SLUG.matcher(targets.get(j)).matches()) {
                errors.add(new FieldProblem(path + ".targets[" + j + "]", "must be a stakeholder id (a slug)"));
            }
        }
        return targets.stream().distinct().toList();
    }

    private static Duration ackWithin(String path, String text, List<FieldProblem> errors) {
        if (text == null) {
            errors.add(new FieldProblem(path, "is required, an ISO-8601 duration such as PT5M"));
            return Duration.ZERO;
        }
        try {
            Duration duration = Duration.parse(text);
            if (duration.isNegative() || duration.isZero()) {
                errors.add(new FieldProblem(path, "must be positive"));
            }
            return duration;
        } catch (DateTimeParseException e) {
            errors.add(new FieldProblem(path, "is not an ISO-8601 duration such as PT5M: " + text));
            return Duration.ZERO;
        }
    }

    private static int severity(String path, Integer severity, boolean required, List<FieldProblem> errors) {
        if (severity == null) {
            if (required) {
                errors.add(new FieldProblem(path, "is required, a severity level 0..5"));
            }
            return 0;
        }
        if (severity < 0 || severity > 5) {
            errors.add(new FieldProblem(path, "must be a severity level 0..5"));
        }
        return severity;
    }

    /**
     * Targets must be stakeholders the directory has announced; api.md answers an unknown one with 422. Reported with
     * the other errors, at the index the caller sent (before duplicates are dropped).
     */
    private void unknownTargets(List<PolicyDocument.LevelDocument> levels, List<FieldProblem> errors) {
        if (levels == null || levels.size() > MAX_LEVELS) {
            return;
        }
        List<String> named = levels.stream().filter(Objects::nonNull).map(PolicyDocument.LevelDocument::targets)
                .filter(targets -> targets != null && targets.size() <= MAX_TARGETS)
                .flatMap(List::stream).filter(target -> target != null && SLUG.matcher(target).matches())
                .distinct().toList();
        Set<String> unknown = named.isEmpty() ? Set.of() : directory.unknown(named);
        for (int i = 0; i < levels.size() && !unknown.isEmpty(); i++) {
            List<String> targets = levels.get(i) == null ? null : levels.get(i).targets();
            if (targets == null || targets.size() > MAX_TARGETS) {
                continue;
            }
            for (int j = 0; j < targets.size(); j++) {
                if (unknown.contains(targets.get(j))) {
                    errors.add(new FieldProblem("levels[" + i + "].targets[" + j + "]",
                            "unknown stakeholder " + targets.get(j)));
                }
            }
        }
    }
}
