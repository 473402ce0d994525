package org.circc.triage.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.List;

/**
 * {@code circc.triage.campaigns.open} and {@code circc.triage.campaign.reports{statistic=max|mean}} (reports per
 * open campaign), read from {@code campaign_member} when scraped, so they survive restarts.
 */
public class CampaignMetrics {

    public CampaignMetrics(MeterRegistry registry, CampaignMembers members) {
        Gauge.builder("circc.triage.campaigns.open", members, CampaignMembers::openCampaigns)
                .description("Campaigns with at least one member that is not resolved, closed or withdrawn")
                .register(registry);
        Gauge.builder("circc.triage.campaign.reports", members,
                        m -> m.reportsPerOpenCampaign().stream().mapToLong(Long::longValue).max().orElse(0))
                .description("Reports per open campaign")
                .tag("statistic", "max")
                .register(registry);
        Gauge.builder("circc.triage.campaign.reports", members, CampaignMetrics::mean)
                .description("Reports per open campaign")
                .tag("statistic", "mean")
                .register(registry);
    }

    private static double mean(CampaignMembers members) {
        List<Long> reports = members.reportsPerOpenCampaign();
        return reports.stream().mapToLong(Long::longValue).average().orElse(0);
    }
}
