package org.circc.notification.query;

import org.circc.notification.command.PolicyTargets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.Collection;

/** The targets of each escalation policy's latest version: a later version replaces them, an older one is ignored. */
@Repository
public class JdbcPolicyTargets implements PolicyTargets {

    private final JdbcTemplate jdbc;

    public JdbcPolicyTargets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void save(String policyId, long version, Collection<String> targets) {
        jdbc.update("""
                INSERT INTO policy_target (policy_id, version, targets) VALUES (?, ?, ?)
                ON CONFLICT (policy_id) DO UPDATE SET version = excluded.version, targets = excluded.targets
                WHERE policy_target.version < excluded.version
                """, policyId, version, targets.toArray(String[]::new));
    }

    @Override
    public boolean isTargeted(String stakeholderId) {
        return Boolean.TRUE.equals(jdbc.queryForObject(
                "SELECT EXISTS (SELECT 1 FROM policy_target WHERE ? = ANY (targets))", Boolean.class, stakeholderId));
    }
}
