package org.circc.escalation.query;

import org.circc.contracts.CampaignId;
import org.circc.contracts.IncidentId;
import org.circc.contracts.Sector;
import org.circc.contracts.Severity;
import org.circc.contracts.Tlp;
import org.circc.contracts.events.IncidentStatus;
import org.circc.contracts.events.StakeholderKind;
import org.circc.contracts.events.StakeholderSnapshot;
import org.circc.embedded.EmbeddedInfrastructure;
import org.circc.escalation.command.IncidentSharing;
import org.circc.escalation.command.Stakeholder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.jdbc.AutoConfigureTestDatabase;
import org.springframework.boot.test.autoconfigure.jdbc.JdbcTest;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC read models on the embedded PostgreSQL (Flyway's schema); each test rolls back. */
@JdbcTest
@AutoConfigureTestDatabase(replace = AutoConfigureTestDatabase.Replace.NONE)
class ReadModelsIT {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        EmbeddedInfrastructure.shared().springPropertiesFor("escalation")
                .forEach((name, value) -> registry.add(name, () -> value));
    }

    @Autowired
    NamedParameterJdbcTemplate jdbc;

    private IncidentRegistry registry;
    private JdbcStakeholderDirectory directory;

    @BeforeEach
    void setUp() {
        registry = new IncidentRegistry(jdbc);
        directory = new JdbcStakeholderDirectory(jdbc);
    }

    @Test
    void aCampaignIsSettledOnlyWhenEveryKnownMemberIs() {
        CampaignId campaign = registry.lockCampaign(CampaignId.newId());
        IncidentId first = IncidentId.newId();
        IncidentId second = IncidentId.newId();
        assertThat(registry.isSettled(campaign)).as("a campaign without members").isFalse();

        registry.recordMember(first, campaign);
        registry.recordMember(second, campaign);
        registry.recordStatus(first, IncidentStatus.RESOLVED);
        assertThat(registry.isSettled(campaign)).isFalse();

        registry.recordStatus(second, IncidentStatus.WITHDRAWN);
        assertThat(registry.isSettled(campaign)).isTrue();
    }

    @Test
    void aStatusOrAReportBeforeTheTriageIsKeptAndTheMembershipAddedLater() {
        IncidentId incident = IncidentId.newId();
        CampaignId campaign = CampaignId.newId();
        registry.recordReported(incident, "venue-tokyo", Tlp.RED, Sector.GAMES_VENUE_OPERATIONS);
        registry.recordStatus(incident, IncidentStatus.CLOSED);
        assertThat(registry.find(incident)).get().satisfies(record -> assertThat(record.campaignId()).isEmpty());

        registry.recordMember(incident, registry.lockCampaign(campaign));

        assertThat(registry.find(incident)).contains(new IncidentRecord(incident, Optional.of(campaign),
                Optional.of(new IncidentSharing("venue-tokyo", Tlp.RED, Sector.GAMES_VENUE_OPERATIONS))));
        assertThat(registry.isSettled(campaign)).isTrue();
    }

    @Test
    void aMergeMovesEveryMemberAndLaterLocksOfTheMergedCampaignResolveToTheSurvivor() {
        CampaignId survivor = registry.lockCampaign(CampaignId.newId());
        CampaignId merged = registry.lockCampaign(CampaignId.newId());
        IncidentId known = IncidentId.newId();
        IncidentId notYetTriaged = IncidentId.newId();
        registry.recordMember(known, merged);

        registry.merge(merged, survivor, List.of(known, notYetTriaged));

        assertThat(registry.find(known).flatMap(IncidentRecord::campaignId)).contains(survivor);
        assertThat(registry.find(notYetTriaged).flatMap(IncidentRecord::campaignId)).contains(survivor);
        assertThat(registry.lockCampaign(merged)).isEqualTo(survivor);
    }

    /** S merged into X, then M into S arrives: both are followed to where they live now. */
    @Test
    void campaignsAreLockedWhereTheyLiveNowAfterMergesInAnyOrder() {
        CampaignId x = registry.lockCampaign(CampaignId.newId());
        CampaignId s = registry.lockCampaign(CampaignId.newId());
        CampaignId m = registry.lockCampaign(CampaignId.newId());
        registry.merge(s, x, List.of());

        assertThat(registry.lockCurrent(List.of(m, s))).containsExactly(m, x);
        registry.merge(m, x, List.of());
        assertThat(registry.lockCurrent(List.of(m, s))).containsExactly(x, x);
    }

    @Test
    void aStatusAnswersTheCampaignAndACampaignKeepsItsLastSeverity() {
        CampaignId campaign = registry.lockCampaign(CampaignId.newId());
        IncidentId incident = IncidentId.newId();
        assertThat(registry.recordStatus(incident, IncidentStatus.ACKNOWLEDGED)).isEmpty();
        registry.recordMember(incident, campaign);
        assertThat(registry.recordStatus(incident, IncidentStatus.RESOLVED)).contains(campaign);

        assertThat(registry.severityOf(campaign)).isEmpty();
        registry.recordSeverity(campaign, Severity.SEVERE, Tlp.AMBER_STRICT);
        assertThat(registry.severityOf(campaign))
                .contains(new IncidentRegistry.CampaignSeverity(Severity.SEVERE, Tlp.AMBER_STRICT));
    }

    @Test
    void stakeholdersAreReplacedRemovedAndFoundAsSubscribers() {
        String id = "it-" + IncidentId.newId().toString().substring(0, 8);
        directory.save(new StakeholderSnapshot(id, "Rail SOC", StakeholderKind.organisation, "rail-east", null,
                Tlp.AMBER, List.of("email"), List.of("railways"), 2, List.of()));
        assertThat(directory.subscribersOf(Sector.RAILWAYS)).extracting(Stakeholder::id).contains(id);
        assertThat(directory.subscribersOf(Sector.FINANCE)).extracting(Stakeholder::id).doesNotContain(id);

        directory.save(new StakeholderSnapshot(id, "Rail SOC", StakeholderKind.person, "rail-east", "duty@rail-east",
                Tlp.AMBER, List.of("email"), List.of("games-*"), 2, List.of()));
        assertThat(directory.find(List.of(id, "nobody"))).containsExactly(
                new Stakeholder(id, StakeholderKind.person, "rail-east", "duty@rail-east"));
        assertThat(directory.subscribersOf(Sector.GAMES_TRANSPORT)).extracting(Stakeholder::id).contains(id);
        assertThat(directory.unknown(List.of(id, "nobody"))).containsExactly("nobody");

        directory.remove(id);
        assertThat(directory.unknown(List.of(id))).containsExactly(id);
    }
}
