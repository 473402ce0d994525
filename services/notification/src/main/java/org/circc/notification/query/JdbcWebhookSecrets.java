package org.circc.notification.query;

import org.circc.notification.command.WebhookSecrets;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.HashMap;
import java.util.Map;

/** Webhook secrets in their own table, written in the directory command's transaction. */
@Repository
public class JdbcWebhookSecrets implements WebhookSecrets {

    private final JdbcTemplate jdbc;

    public JdbcWebhookSecrets(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void replace(String stakeholderId, Map<String, String> secretsByUrl) {
        jdbc.update("DELETE FROM webhook_secret WHERE stakeholder_id = ?", stakeholderId);
        secretsByUrl.forEach((url, secret) -> jdbc.update(
                "INSERT INTO webhook_secret (stakeholder_id, url, secret) VALUES (?, ?, ?)", stakeholderId, url, secret));
    }

    @Override
    public Map<String, String> of(String stakeholderId) {
        Map<String, String> secrets = new HashMap<>();
        jdbc.query("SELECT url, secret FROM webhook_secret WHERE stakeholder_id = ?",
                rs -> {
                    secrets.put(rs.getString(1), rs.getString(2));
                }, stakeholderId);
        return secrets;
    }
}
