package org.circc.escalation;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.escalation.command.EscalationPolicy;
import org.circc.escalation.command.StartEscalationCommand;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The deadline of a level survives the service: scheduled by one application context, due while no context runs,
 * and handled exactly once by the next context on the same database.
 */
class DeadlineRestartIT {

    private static final String DATABASE = "escalation-restart";
    private static final String RAISED = "org.circc.escalation.command.EscalationLevelRaisedEvent";

    /** Longer than the context takes to stop (about 6 s here: its processors drain first, db-scheduler stops last). */
    private static final Duration ACK_WITHIN = Duration.ofSeconds(20);

    private static final EscalationPolicy QUICK = new EscalationPolicy("restart", 1, 3, List.of(), List.of(
            new EscalationPolicy.Level(1, List.of("csirt-oncall"), ACK_WITHIN),
            new EscalationPolicy.Level(2, List.of("duty-coordinator"), Duration.ofHours(1))));

    private static ConfigurableApplicationContext startService() {
        List<String> arguments = new ArrayList<>();
        EmbeddedInfrastructure.shared().springPropertiesFor(DATABASE)
                .forEach((name, value) -> arguments.add("--" + name + "=" + value));
        arguments.add("--server.port=0");
        arguments.add("--server.shutdown=immediate");
        // no Kafka consumers: this context must not compete with other tests for the topics' events
        arguments.add("--spring.cloud.function.definition=");
        return new SpringApplicationBuilder(EscalationApplication.class).run(arguments.toArray(String[]::new));
    }

    private static JdbcTemplate database() {
        Map<String, String> properties = EmbeddedInfrastructure.shared().springPropertiesFor(DATABASE);
        return new JdbcTemplate(new DriverManagerDataSource(properties.get("spring.datasource.url"),
                properties.get("spring.datasource.username"), properties.get("spring.datasource.password")));
    }

    @Test
    void aDeadlineDueWhileTheServiceIsDownRaisesTheNextLevelOnceAfterTheRestart() {
        CampaignId campaign = CampaignId.newId();
        Instant due;
        try (ConfigurableApplicationContext service = startService()) {
            service.getBean(CommandGateway.class).sendAndWait(new StartEscalationCommand(campaign, IncidentId.newId(),
                    QUICK, Severity.HIGH, Sector.RAILWAYS, Tlp.GREEN));
            // this campaign's deadline: its task data holds the chain's scope, the campaign id
            due = service.getBean(JdbcTemplate.class).queryForObject(
                    "SELECT execution_time FROM scheduled_tasks WHERE task_name = 'AxonDeadline' "
                            + "AND position(convert_to(?, 'UTF8') in task_data) > 0", Timestamp.class,
                    campaign.toString()).toInstant();
        }
        assertThat(Instant.now()).as("the context stopped before the deadline was due").isBefore(due);
        JdbcTemplate jdbc = database();

        await().atMost(ACK_WITHIN.plusSeconds(10)).until(() -> Instant.now().isAfter(due.plusSeconds(2)));
        assertThat(raised(jdbc, campaign)).as("levels raised while the service was down").containsExactly(1);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM scheduled_tasks WHERE execution_time = ? "
                        + "AND position(convert_to(?, 'UTF8') in task_data) > 0", Long.class, Timestamp.from(due),
                campaign.toString())).as("the overdue deadline is still scheduled").isEqualTo(1);

        try (ConfigurableApplicationContext ignored = startService()) {
            await().atMost(Duration.ofSeconds(60)).until(() -> raised(jdbc, campaign).size() == 2);
            await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6))
                    .until(() -> raised(jdbc, campaign).equals(List.of(1, 2)));
            Timestamp raisedAt = jdbc.queryForObject("SELECT timestamp FROM domainevententry "
                            + "WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber DESC LIMIT 1",
                    (row, i) -> Timestamp.from(Instant.parse(row.getString(1))), campaign.toString(), RAISED);
            assertThat(raisedAt.toInstant()).isAfterOrEqualTo(due);
        }
    }

    /** The levels raised for the campaign, in order. */
    private static List<Integer> raised(JdbcTemplate jdbc, CampaignId campaign) {
        return jdbc.queryForList("SELECT convert_from(payload, 'UTF8')::jsonb ->> 'level' FROM domainevententry "
                        + "WHERE aggregateidentifier = ? AND payloadtype = ? ORDER BY sequencenumber", String.class,
                campaign.toString(), RAISED).stream().map(Integer::valueOf).toList();
    }
}
