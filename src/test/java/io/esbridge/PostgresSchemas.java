package io.esbridge;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;

/** The test PostgreSQL ({@code .ci/postgres-start}): a fresh schema per use. */
public final class PostgresSchemas {

    public static final String URL = System.getenv().getOrDefault("ES_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/esbridge_test");
    public static final String USER = System.getenv().getOrDefault("ES_TEST_PG_USER", "esbridge");
    public static final String PASSWORD = System.getenv().getOrDefault("ES_TEST_PG_PASSWORD", "esbridge");

    private PostgresSchemas() {
    }

    /** Fails under CI=true, skips the test elsewhere, when PostgreSQL cannot be reached. */
    public static void require() {
        try (Connection connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
            connection.isValid(2);
        } catch (Exception e) {
            String why = "PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "): run .ci/postgres-start";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(why, e);
            }
            Assumptions.abort(why);
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
