package org.circc.timeline.query;

import org.circc.contracts.Observable;
import org.circc.platform.config.PlatformJacksonConfiguration;

import java.time.Instant;
import java.util.Map;
import java.util.stream.Collectors;

/** The post-incident review as Markdown: summary, response times, who was notified and when, the timeline. */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(IncidentReport report) {
        IncidentView incident = report.incident();
        StringBuilder md = new StringBuilder();
        md.append("**").append(incident.tlp().label()).append("**\n\n");
        md.append("# Post-incident review: ").append(text(incident.title())).append("\n\n");
        md.append("## Summary\n\n");
        md.append("| | |\n|---|---|\n");
        row(md, "Incident", incident.incidentId().toString());
        row(md, "Status", incident.status().name());
        row(md, "Severity", incident.severity() == null ? "not scored"
                : incident.severity().level() + " " + incident.severity().displayName());
        row(md, "Category", incident.category().slug());
        row(md, "Sector", incident.sector().slug());
        row(md, "Reported", time(incident.reportedAt()) + " by " + incident.reporterOrg());
        row(md, "Detected", time(incident.detectedAt()));
        row(md, "Campaign", incident.campaignId() == null ? "none" : incident.campaignId().toString());
        row(md, "Escalation", "level " + incident.escalation().level() + ", " + incident.escalation().state());
        row(md, "Impact", "functional " + incident.impact().functional().slug() + ", information "
                + incident.impact().information().slug() + ", recoverability " + incident.impact().recoverability().slug());
        row(md, "Affected assets", incident.affectedAssets().isEmpty() ? "none" : String.join(", ", incident.affectedAssets()));
        row(md, "Observables", incident.observables().isEmpty() ? "none"
                : incident.observables().stream().map(Observable::toString).collect(Collectors.joining(", ")));
        if (incident.description() != null && !incident.description().isBlank()) {
            md.append("\n").append(text(incident.description())).append("\n");
        }
        md.append("\n## Response times\n\n| Stage | Time from report |\n|---|---|\n");
        for (Map.Entry<String, Long> stage : report.responseTimes().entrySet()) {
            row(md, stage.getKey(), stage.getValue() == null ? "not reached" : duration(stage.getValue()));
        }
        md.append("\n## Who was notified and when\n\n");
        if (report.notifications().isEmpty()) {
            md.append("Nobody was notified.\n");
        } else {
            md.append("| When | Stakeholder | Channel | Level | Outcome |\n|---|---|---|---|---|\n");
            report.notifications().forEach(notification -> md.append("| ").append(time(notification.at()))
                    .append(" | ").append(cell(notification.stakeholderId()))
                    .append(" | ").append(cell(notification.channel()))
                    .append(" | ").append(notification.level())
                    .append(" | ").append(notification.outcome())
                    .append(Boolean.TRUE.equals(notification.redacted()) ? " (redacted notice)" : "")
                    .append(" |\n"));
        }
        md.append("\n## Timeline\n\n| # | When | Entry | Who | What |\n|---|---|---|---|---|\n");
        for (int i = 0; i < report.timeline().size(); i++) {
            TimelineEntry entry = report.timeline().get(i);
            md.append("| ").append(i + 1)
                    .append(" | ").append(time(entry.at()))
                    .append(" | ").append(entry.type())
                    .append(" | ").append(cell(entry.actor().id()))
                    .append(entry.actor().organisation() == null ? "" : " (" + cell(entry.actor().organisation()) + ")")
                    .append(" | ").append(cell(entry.summary()))
                    .append(" |\n");
        }
        md.append("\n_Generated ").append(time(report.generatedAt())).append(" by CIRCC._\n");
        return md.toString();
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(cell(value)).append(" |\n");
    }

    private static String duration(long seconds) {
        return seconds < 60 ? seconds + " s"
                : seconds < 3600 ? (seconds / 60) + " min " + (seconds % 60) + " s"
                : (seconds / 3600) + " h " + (seconds % 3600 / 60) + " min";
    }

    private static String time(Instant instant) {
        return instant == null ? "unknown" : PlatformJacksonConfiguration.MILLISECOND_INSTANT.format(instant);
    }

    /** Reporters' text must not break the table or inject markup. */
    private static String cell(String value) {
        return text(value).replace("|", "\\|").replace("\n", " ");
    }

    private static String text(String value) {
        return value == null ? "" : value.replace("<", "&lt;").replace(">", "&gt;");
    }
}
