package org.circc.notification.web;

import org.circc.contracts.Category;
import org.circc.contracts.InvalidValueException;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.Subscriptions;
import org.circc.notification.messaging.TargetGuard;
import org.circc.platform.web.FieldProblem;
import org.circc.platform.web.ProblemException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a stakeholder body field by field (every problem at once, as 422 field errors). Checking a webhook URL
 * resolves its host, which blocks: call it off the event loop.
 */
public class StakeholderValidator {

    /** A stakeholder as validated: the record, and the webhook secrets the body brought, by URL. */
    public record Validated(Stakeholder stakeholder, Map<String, String> webhookSecrets) {
    }

    static final Pattern SLUG = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");
    private static final int MIN_SECRET_LENGTH = 16;

    private final TargetGuard targetGuard;

    public StakeholderValidator(TargetGuard targetGuard) {
        this.targetGuard = targetGuard;
    }

    /** @param id the stakeholder id (the body's on POST, the path's on PUT) */
    public Validated validate(String id, StakeholderRequest body) {
        List<FieldProblem> problems = new ArrayList<>();
        if (id == null || !SLUG.matcher(id).matches()) {
            problems.add(new FieldProblem("id", "must match " + SLUG.pattern()));
        }
        if (body.name() == null || body.name().isBlank() || body.name().length() > 200) {
            problems.add(new FieldProblem("name", "is required, at most 200 characters"));
        }
        StakeholderKind kind = null;
        try {
            kind = body.kind() == null ? null : StakeholderKind.valueOf(body.kind());
        } catch (IllegalArgumentException e) {
            // reported below
        }
        if (kind == null) {
            problems.add(new FieldProblem("kind", "must be one of " + Arrays.toString(StakeholderKind.values())));
        }
        if (body.organisation() == null || !SLUG.matcher(body.organisation()).matches()) {
            problems.add(new FieldProblem("organisation", "must be an organisation id matching " + SLUG.pattern()));
        }
        String principal = body.principal() == null || body.principal().isBlank() ? null : body.principal().strip();
        if (principal != null && principal.length() > 200) {
            problems.add(new FieldProblem("principal", "at most 200 characters"));
        }
        Tlp clearance = null;
        try {
            clearance = Tlp.parse(body.clearance());
        } catch (InvalidValueException e) {
            problems.add(new FieldProblem("clearance", e.getMessage()));
        }
        Map<String, String> secrets = new HashMap<>();
        List<Stakeholder.Channel> channels = channels(body.channels(), principal, secrets, problems);
        Subscriptions subscriptions = subscriptions(body.subscriptions(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.invalid(problems);
        }
        return new Validated(new Stakeholder(id, body.name().strip(), kind, body.organisation(), principal, clearance,
                channels, subscriptions), secrets);
    }

    private List<Stakeholder.Channel> channels(List<StakeholderRequest.ChannelRequest> requested, String principal,
                                               Map<String, String> secrets, List<FieldProblem> problems) {
        if (requested == null || requested.isEmpty()) {
            problems.add(new FieldProblem("channels", "at least one channel is required"));
            return List.of();
        }
        List<Stakeholder.Channel> channels = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            StakeholderRequest.ChannelRequest channel = requested.get(i);
            String at = "channels[" + i + "]";
            if (channel == null || channel.type() == null) {
                problems.add(new FieldProblem(at + ".type", "must be webhook, email or stream"));
                continue;
            }
            switch (channel.type()) {
                case Stakeholder.Channel.WEBHOOK -> {
                    String refusal = channel.url() == null ? "is required" : targetGuard.refusal(channel.url())
                            .orElse(null);
                    if (refusal != null) {
                        problems.add(new FieldProblem(at + ".url", refusal));
                    } else if (secrets.containsKey(channel.url()) || channels.stream()
                            .anyMatch(known -> channel.url().equals(known.address()))) {
                        problems.add(new FieldProblem(at + ".url", "is listed twice"));
                    }
                    if (channel.secret() != null && channel.secret().length() < MIN_SECRET_LENGTH) {
                        problems.add(new FieldProblem(at + ".secret", "at least " + MIN_SECRET_LENGTH
                                + " characters"));
                    } else if (channel.secret() != null && channel.url() != null) {
                        secrets.put(channel.url(), channel.secret());
                    }
                    channels.add(new Stakeholder.Channel(Stakeholder.Channel.WEBHOOK, channel.url()));
                }
                case Stakeholder.Channel.EMAIL -> {
                    if (channel.address() == null || channel.address().length() > 254
                            || !EMAIL.matcher(channel.address()).matches()) {
                        problems.add(new FieldProblem(at + ".address", "must be an e-mail address"));
                    }
                    channels.add(new Stakeholder.Channel(Stakeholder.Channel.EMAIL, channel.address()));
                }
                case Stakeholder.Channel.STREAM -> {
                    if (principal == null) {
                        problems.add(new FieldProblem(at + ".type",
                                "a stream reaches the linked principal: set principal"));
                    }
                    channels.add(new Stakeholder.Channel(Stakeholder.Channel.STREAM, null));
                }
                default -> problems.add(new FieldProblem(at + ".type", "must be webhook, email or stream"));
            }
        }
        return channels;
    }

    private static Subscriptions subscriptions(StakeholderRequest.SubscriptionsRequest requested,
                                               List<FieldProblem> problems) {
        if (requested == null) {
            return null;
        }
        List<String> sectors = requested.sectors() == null ? List.of() : requested.sectors();
        for (int i = 0; i < sectors.size(); i++) {
            try {
                Sector.matching(sectors.get(i));
            } catch (InvalidValueException e) {
                problems.add(new FieldProblem("subscriptions.sectors[" + i + "]", e.getMessage()));
            }
        }
        List<String> categories = requested.categories() == null ? List.of() : requested.categories();
        List<String> canonical = new ArrayList<>();
        for (int i = 0; i < categories.size(); i++) {
            try {
                canonical.add(Category.parse(categories.get(i)).slug());
            } catch (InvalidValueException e) {
                problems.add(new FieldProblem("subscriptions.categories[" + i + "]", e.getMessage()));
            }
        }
        int minSeverity = requested.minSeverity() == null ? Severity.MIN_LEVEL : requested.minSeverity();
        if (minSeverity < Severity.MIN_LEVEL || minSeverity > Severity.MAX_LEVEL) {
            problems.add(new FieldProblem("subscriptions.minSeverity", "must be 0 to 5"));
        }
        return new Subscriptions(sectors, minSeverity, canonical);
    }
}
