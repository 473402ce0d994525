package org.circc.notification.config;

import org.circc.contracts.Tlp;
import org.circc.contracts.events.StakeholderKind;
import org.circc.notification.command.Stakeholder;
import org.circc.notification.command.Subscriptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The seeded stakeholders of api.md, bound from the service's own application.yml as Spring Boot binds them. */
class DirectoryPropertiesTest {

    private static List<Stakeholder> stakeholders;

    @BeforeAll
    static void bindApplicationYml() throws IOException {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader()
                .load("application.yml", new ClassPathResource("application.yml"));
        stakeholders = new Binder(ConfigurationPropertySources.from(sources))
                .bind("circc.notification", DirectoryProperties.class)
                .orElseThrow(() -> new AssertionError("circc.notification is not in application.yml"))
                .toStakeholders();
    }

    private static Stakeholder stakeholder(String id) {
        return stakeholders.stream().filter(stakeholder -> stakeholder.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError(id + " is not seeded"));
    }

    @Test
    void theSixSeededStakeholdersOfApiMdBind() {
        assertThat(stakeholders).extracting(Stakeholder::id).containsExactlyInAnyOrder("responder-1",
                "duty-coordinator", "csirt-oncall", "circc-management", "rail-east-soc", "venue-tokyo-soc");
    }

    @Test
    void responderOneIsAPersonClearedForRedLinkedToItsPrincipal() {
        Stakeholder responder = stakeholder("responder-1");

        assertThat(responder.kind()).isEqualTo(StakeholderKind.person);
        assertThat(responder.clearance()).isEqualTo(Tlp.RED);
        assertThat(responder.organisation()).isEqualTo("circc");
        assertThat(responder.principal()).isEqualTo("responder-1");
        assertThat(responder.channels()).extracting(Stakeholder.Channel::type).containsExactlyInAnyOrder("stream",
                "email");
    }

    @Test
    void dutyCoordinatorIsThePersonOfCoordinatorOne() {
        Stakeholder coordinator = stakeholder("duty-coordinator");

        assertThat(coordinator.kind()).isEqualTo(StakeholderKind.person);
        assertThat(coordinator.principal()).isEqualTo("coordinator-1");
        assertThat(coordinator.clearance()).isEqualTo(Tlp.RED);
    }

    @Test
    void csirtOnCallIsATeamClearedForAmberStrictWithAnEmailChannel() {
        Stakeholder csirt = stakeholder("csirt-oncall");

        assertThat(csirt.kind()).isEqualTo(StakeholderKind.team);
        assertThat(csirt.clearance()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(csirt.organisation()).isEqualTo("circc");
        assertThat(csirt.principal()).isNull();
        assertThat(csirt.channels()).singleElement().satisfies(channel -> {
            assertThat(channel.type()).isEqualTo("email");
            assertThat(channel.address()).isNotBlank().contains("@");
        });
    }

    @Test
    void railEastSocIsAnOrganisationClearedForAmber() {
        Stakeholder rail = stakeholder("rail-east-soc");

        assertThat(rail.kind()).isEqualTo(StakeholderKind.organisation);
        assertThat(rail.clearance()).isEqualTo(Tlp.AMBER);
        assertThat(rail.organisation()).isEqualTo("rail-east");
        assertThat(rail.channels()).extracting(Stakeholder.Channel::type).containsExactly("email");
    }

    @Test
    void theOtherSeededStakeholdersMatchApiMd() {
        assertThat(stakeholder("circc-management").kind()).isEqualTo(StakeholderKind.team);
        assertThat(stakeholder("circc-management").clearance()).isEqualTo(Tlp.AMBER_STRICT);
        assertThat(stakeholder("venue-tokyo-soc").kind()).isEqualTo(StakeholderKind.organisation);
        assertThat(stakeholder("venue-tokyo-soc").organisation()).isEqualTo("venue-tokyo");
        assertThat(stakeholder("venue-tokyo-soc").clearance()).isEqualTo(Tlp.AMBER);
    }

    @Test
    void theTwoOrganisationsSubscribeToTheirSectorsFromMedium() {
        assertThat(stakeholder("rail-east-soc").subscriptions())
                .isEqualTo(new Subscriptions(List.of("railways"), 2, List.of()));
        assertThat(stakeholder("venue-tokyo-soc").subscriptions())
                .isEqualTo(new Subscriptions(List.of("games-*"), 2, List.of()));
        assertThat(stakeholder("csirt-oncall").subscriptions()).as("told only as a target").isNull();
    }

    @Test
    void everySeededStakeholderCanBeReachedByEmail() {
        assertThat(stakeholders).allSatisfy(stakeholder -> assertThat(stakeholder.channels())
                .anySatisfy(channel -> {
                    assertThat(channel.type()).isEqualTo("email");
                    assertThat(channel.address()).isNotBlank();
                }));
    }

    @Test
    void noStakeholdersConfiguredMeansAnEmptyDirectory() {
        assertThat(new DirectoryProperties(null).toStakeholders()).isEmpty();
    }
}
