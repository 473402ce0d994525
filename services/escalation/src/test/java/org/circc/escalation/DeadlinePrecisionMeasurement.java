package org.circc.escalation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.StartEscalationCommand;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * A measurement, not a test (run it by hand, see docs/escalation.md): how late level deadlines fire. Starts
 * {@value #CHAINS} chains whose level 1 is due {@link #ACK_WITHIN} later, spread over {@link #SPREAD}, waits for
 * every level 2, and prints how far each raise came after its level 1's deadline.
 */
public final class DeadlinePrecisionMeasurement {

    private static final int CHAINS = 1000;
    private static final Duration ACK_WITHIN = Duration.ofSeconds(10);
    private static final Duration SPREAD = Duration.ofSeconds(20);
    private static final String RAISED = "org.circc.escalation.command.EscalationLevelRaisedEvent";

    private DeadlinePrecisionMeasurement() {
    }

    public static void main(String[] args) throws Exception {
        EscalationPolicy policy = new EscalationPolicy("precision", 1, 3, List.of(), List.of(
                new EscalationPolicy.Level(1, List.of("csirt-oncall"), ACK_WITHIN),
                new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofHours(1))));
        List<String> arguments = new ArrayList<>();
        EmbeddedInfrastructure.shared().springPropertiesFor("escalation-precision")
                .forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--server.port=0");
        arguments.add("--spring.cloud.function.definition=");
        arguments.add("--logging.level.root=warn");
        try (ConfigurableApplicationContext service = new SpringApplicationBuilder(EscalationApplication.class)
                .run(arguments.toArray(String[]::new))) {
            CommandGateway commands = service.getBean(CommandGateway.class);
            JdbcTemplate jdbc = service.getBean(JdbcTemplate.class);
            List<String> campaigns = new ArrayList<>();
            long pauseNanos = SPREAD.toNanos() / CHAINS;
            for (int i = 0; i < CHAINS; i++) {
                CampaignId campaign = CampaignId.newId();
                campaigns.add(campaign.toString());
                commands.sendAndWait(new StartEscalationCommand(campaign, IncidentId.newId(), policy, Severity.HIGH,
                        Sector.RAILWAYS, Tlp.GREEN));
                TimeUnit.NANOSECONDS.sleep(pauseNanos);
            }
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                    jdbc.queryForObject("SELECT count(*) FROM domainevententry WHERE payloadtype = ? "
                            + "AND convert_from(payload, 'UTF8')::jsonb ->> 'level' = '2' "
                            + "AND aggregateidentifier = ANY (?)", Long.class, RAISED,
                            campaigns.toArray(String[]::new)) == CHAINS);
            ObjectMapper mapper = new ObjectMapper();
            List<Long> lateMillis = new ArrayList<>();
            for (String campaign : campaigns) {
                List<String> payloads = jdbc.queryForList("SELECT convert_from(payload, 'UTF8') FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber", String.class,
                        campaign, RAISED);
                JsonNode levelOne = mapper.readTree(payloads.get(0));
                JsonNode levelTwo = mapper.readTree(payloads.get(1));
                lateMillis.add(Duration.between(Instant.parse(levelOne.path("ackDeadline").asText()),
                        Instant.parse(levelTwo.path("raisedAt").asText())).toMillis());
            }
            lateMillis.sort(Long::compare);
            System.out.printf("deadlines=%d ackWithin=%s started over %s: fired late by p50=%d ms p90=%d ms "
                            + "p99=%d ms max=%d ms min=%d ms%n", CHAINS, ACK_WITHIN, SPREAD, percentile(lateMillis, 50),
                    percentile(lateMillis, 90), percentile(lateMillis, 99), lateMillis.get(lateMillis.size() - 1),
                    lateMillis.get(0));
        }
        System.exit(0);
    }

    private static long percentile(List<Long> sorted, int percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }
}
