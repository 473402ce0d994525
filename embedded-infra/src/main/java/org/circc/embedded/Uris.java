package org.circc.embedded;

import java.util.regex.Pattern;

/** Builds per-database JDBC URLs and MongoDB URIs from base addresses. */
final class Uris {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_-]{0,62}");

    private Uris() {
    }

    static String checkDatabaseName(String database) {
        if (database == null || !DATABASE_NAME.matcher(database).matches()) {
            throw new IllegalArgumentException(
                    "database name must be 1-63 letters, digits, '_' or '-' (not starting with '-'), was " + database);
        }
        return database;
    }

    /**
     * {@code jdbc:postgresql://db:5432/} + {@code intake} = {@code jdbc:postgresql://db:5432/intake}; a path already in
     * the base is replaced and its query parameters are kept.
     */
    static String jdbcUrl(String base, String database) {
        int query = base.indexOf('?');
        String address = query < 0 ? base : base.substring(0, query);
        String parameters = query < 0 ? "" : base.substring(query);
        int hostStart = address.indexOf("//");
        if (hostStart < 0) {
            throw new IllegalArgumentException("JDBC URL without //host: " + base);
        }
        int pathStart = address.indexOf('/', hostStart + 2);
        String hosts = pathStart < 0 ? address : address.substring(0, pathStart);
        return hosts + "/" + database + parameters;
    }

    /**
     * {@code mongodb://mongo:27017} + {@code circc_intake} = {@code mongodb://mongo:27017/circc_intake}; options are kept.
     * When the base already names a database, that one stays the authentication database ({@code authSource}).
     */
    static String mongoUri(String base, String database) {
        int schemeEnd = base.indexOf("://");
        int query = base.indexOf('?');
        String address = query < 0 ? base : base.substring(0, query);
        String options = query < 0 ? "" : base.substring(query + 1);
        int pathStart = address.indexOf('/', schemeEnd + 3);
        String hosts = pathStart < 0 ? address : address.substring(0, pathStart);
        String baseDatabase = pathStart < 0 ? "" : address.substring(pathStart + 1);
        if (!baseDatabase.isEmpty() && !options.contains("authSource=")) {
            options = options.isEmpty() ? "authSource=" + baseDatabase : options + "&authSource=" + baseDatabase;
        }
        return hosts + "/" + database + (options.isEmpty() ? "" : "?" + options);
    }
}
