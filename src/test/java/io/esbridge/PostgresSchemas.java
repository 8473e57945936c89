package io.esbridge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Properties;
import java.util.UUID;

/**
 * The test PostgreSQL ({@code .ci/postgres-start}): a fresh schema per use. {@code ES_TEST_PG_URL},
 * {@code ES_TEST_PG_USER} and {@code ES_TEST_PG_PASSWORD} point the tests elsewhere (a closed port shows the skip).
 */
public final class PostgresSchemas {

    public static final String URL =
            System.getenv().getOrDefault("ES_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/esbridge_test");
    public static final String USER = System.getenv().getOrDefault("ES_TEST_PG_USER", "esbridge");
    public static final String PASSWORD = System.getenv().getOrDefault("ES_TEST_PG_PASSWORD", "esbridge");

    private PostgresSchemas() {}

    /** Skips the calling test, or fails it under CI=true ({@link RequiredParts}), when PostgreSQL cannot be reached. */
    public static void require() {
        String unreachable = unreachable();
        RequiredParts.require(unreachable == null, unreachable);
    }

    /** Null when PostgreSQL answers; otherwise why not, and what to run. */
    static String unreachable() {
        Properties login = new Properties();
        login.setProperty("user", USER);
        login.setProperty("password", PASSWORD);
        // seconds: a filtered port must not hold the build for the driver's default
        login.setProperty("connectTimeout", "5");
        try (Connection connection = DriverManager.getConnection(URL, login)) {
            return connection.isValid(2) ? null : "PostgreSQL at " + URL + " does not answer";
        } catch (Exception e) {
            return "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "): run .ci/postgres-start";
        }
    }

    public static String create(String prefix) {
        String schema = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
        } catch (Exception e) {
            throw new IllegalStateException("cannot create schema " + schema, e);
        }
        return schema;
    }
}
