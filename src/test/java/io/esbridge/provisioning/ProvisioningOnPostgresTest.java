package io.esbridge.provisioning;

import java.sql.DriverManager;
import java.util.UUID;

import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The engine's tests on a real PostgreSQL state store (Debian's server, started by {@code .ci/postgres-start}), each
 * run in a schema of its own that Flyway creates. Missing PostgreSQL fails the build under CI=true and skips the
 * class on a developer machine without it.
 */
class ProvisioningOnPostgresTest extends ProvisioningEngineTest {

    static final String URL = System.getenv().getOrDefault("ES_TEST_PG_URL",
            "jdbc:postgresql://127.0.0.1:5432/esbridge_test");
    static final String USER = System.getenv().getOrDefault("ES_TEST_PG_USER", "esbridge");
    static final String PASSWORD = System.getenv().getOrDefault("ES_TEST_PG_PASSWORD", "esbridge");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        requirePostgres();
        String schema = "es_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        registry.add("spring.datasource.url", () -> URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> USER);
        registry.add("spring.datasource.password", () -> PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
    }

    static void requirePostgres() {
        try (var connection = DriverManager.getConnection(URL, USER, PASSWORD)) {
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
}
