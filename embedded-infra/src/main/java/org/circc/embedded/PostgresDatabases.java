package org.circc.embedded;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates one database per service on first use, on the embedded server or on an external one. */
final class PostgresDatabases {

    private static final Logger log = LoggerFactory.getLogger(PostgresDatabases.class);
    private static final String MAINTENANCE_DATABASE = "postgres";
    private static final String DUPLICATE_DATABASE = "42P04";
    private static final String UNIQUE_VIOLATION = "23505";

    private final String jdbcBase;
    private final String user;
    private final String password;
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    PostgresDatabases(String jdbcBase, String user, String password) {
        this.jdbcBase = jdbcBase;
        this.user = user;
        this.password = password;
    }

    String jdbcBase() {
        return jdbcBase;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    /** The JDBC URL of {@code database}, created first if it does not exist yet. */
    String jdbcUrl(String database) {
        Uris.checkDatabaseName(database);
        if (!known.contains(database)) {
            synchronized (this) {
                if (!known.contains(database)) {
                    createIfMissing(database);
                    known.add(database);
                }
            }
        }
        return Uris.jdbcUrl(jdbcBase, database);
    }

    private void createIfMissing(String database) {
        Properties credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        String maintenanceUrl = Uris.jdbcUrl(jdbcBase, MAINTENANCE_DATABASE);
        try (Connection connection = DriverManager.getConnection(maintenanceUrl, credentials)) {
            try (PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                exists.setString(1, database);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("CREATE DATABASE \"" + database + "\"");
                log.info("Created PostgreSQL database {}", database);
            } catch (SQLException e) {
                // another process created it between our check and our CREATE
                if (!DUPLICATE_DATABASE.equals(e.getSQLState()) && !UNIQUE_VIOLATION.equals(e.getSQLState())) {
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create PostgreSQL database " + database + " via " + maintenanceUrl, e);
        }
    }
}
