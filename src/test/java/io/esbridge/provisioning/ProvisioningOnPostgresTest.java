package io.esbridge.provisioning;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.esbridge.PostgresSchemas;
import io.esbridge.RequiredParts;

/**
 * The engine's tests on a real PostgreSQL state store (Debian's server, started by {@code .ci/postgres-start}), each
 * run in a schema of its own. Missing PostgreSQL fails the build under CI=true and skips the class elsewhere
 * ({@link RequiredParts}), decided before Spring loads the context.
 */
@ExtendWith(RequiredParts.PostgreSql.class)
class ProvisioningOnPostgresTest extends ProvisioningEngineTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String schema = PostgresSchemas.create("es_");
        registry.add("spring.datasource.url", () -> PostgresSchemas.URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> PostgresSchemas.USER);
        registry.add("spring.datasource.password", () -> PostgresSchemas.PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
    }
}
