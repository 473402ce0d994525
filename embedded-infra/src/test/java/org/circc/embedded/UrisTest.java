package org.circc.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class UrisTest {

    @Test
    void jdbcUrlAppendsTheDatabaseToABase() {
        assertThat(Uris.jdbcUrl("jdbc:postgresql://db:5432/", "intake")).isEqualTo("jdbc:postgresql://db:5432/intake");
        assertThat(Uris.jdbcUrl("jdbc:postgresql://db:5432", "intake")).isEqualTo("jdbc:postgresql://db:5432/intake");
    }

    @Test
    void jdbcUrlKeepsParametersAndReplacesADatabaseInTheBase() {
        assertThat(Uris.jdbcUrl("jdbc:postgresql://db:5432/?sslmode=require", "triage"))
                .isEqualTo("jdbc:postgresql://db:5432/triage?sslmode=require");
        assertThat(Uris.jdbcUrl("jdbc:postgresql://a:5432,b:5432/postgres?targetServerType=primary", "triage"))
                .isEqualTo("jdbc:postgresql://a:5432,b:5432/triage?targetServerType=primary");
    }

    @Test
    void mongoUriAppendsTheDatabaseAndKeepsOptions() {
        assertThat(Uris.mongoUri("mongodb://mongo:27017", "circc_timeline")).isEqualTo("mongodb://mongo:27017/circc_timeline");
        assertThat(Uris.mongoUri("mongodb://mongo:27017/", "circc_timeline")).isEqualTo("mongodb://mongo:27017/circc_timeline");
        assertThat(Uris.mongoUri("mongodb://u:p@m1:27017,m2:27017/?replicaSet=rs0", "circc_timeline"))
                .isEqualTo("mongodb://u:p@m1:27017,m2:27017/circc_timeline?replicaSet=rs0");
    }

    @Test
    void aDatabaseInTheMongoBaseStaysTheAuthenticationDatabase() {
        assertThat(Uris.mongoUri("mongodb://u:p@mongo/admin", "circc_triage"))
                .isEqualTo("mongodb://u:p@mongo/circc_triage?authSource=admin");
        assertThat(Uris.mongoUri("mongodb://u:p@mongo/admin?authSource=users&tls=true", "circc_triage"))
                .isEqualTo("mongodb://u:p@mongo/circc_triage?authSource=users&tls=true");
    }

    @Test
    void databaseNamesAreRestrictedToSafeCharacters() {
        assertThat(Uris.checkDatabaseName("circc_notification")).isEqualTo("circc_notification");
        assertThat(Uris.checkDatabaseName("local-runner")).isEqualTo("local-runner");
        assertThatThrownBy(() -> Uris.checkDatabaseName("x\"; DROP DATABASE y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uris.checkDatabaseName("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uris.checkDatabaseName("a".repeat(64))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Uris.checkDatabaseName(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
