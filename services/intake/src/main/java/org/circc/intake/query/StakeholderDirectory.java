package org.circc.intake.query;

import org.circc.contracts.events.StakeholderSnapshot;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The directory's stakeholders as far as sharing needs them (kind, organisation, linked principal, sector
 * subscription), kept from {@code circc.directory-events}. Upserts and deletes by id: replaying an event is
 * harmless.
 */
public class StakeholderDirectory {

    private final JdbcTemplate jdbc;

    public StakeholderDirectory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(StakeholderSnapshot stakeholder) {
        jdbc.update("""
                        INSERT INTO directory_stakeholder
                            (stakeholder_id, kind, organisation, principal, subscribed, subscribed_sectors)
                        VALUES (?, ?, ?, ?, ?, ?)
                        ON CONFLICT (stakeholder_id) DO UPDATE SET kind = EXCLUDED.kind,
                            organisation = EXCLUDED.organisation, principal = EXCLUDED.principal,
                            subscribed = EXCLUDED.subscribed, subscribed_sectors = EXCLUDED.subscribed_sectors""",
                stakeholder.stakeholderId(), stakeholder.kind().name(), stakeholder.organisation(),
                stakeholder.principal(), stakeholder.subscribedMinSeverity() != null,
                stakeholder.subscribedSectors().toArray(String[]::new));
    }

    public void remove(String stakeholderId) {
        jdbc.update("DELETE FROM directory_stakeholder WHERE stakeholder_id = ?", stakeholderId);
    }
}
