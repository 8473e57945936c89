package io.esbridge.provisioning;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.esbridge.PostgresSchemas;
import io.esbridge.RequiredParts;

/**
 * The reseller trees on a real PostgreSQL state store, as production runs them: tree order across runs (a customer run
 * before its reseller's, mended by the dependency replay), the cascade marks ({@code es_link.cascade_of}) and the
 * owners' links read back, each run in a schema of its own. Missing PostgreSQL fails the build under CI=true
 * ({@link RequiredParts}).
 */
@ExtendWith(RequiredParts.PostgreSql.class)
class ResellerTreesOnPostgresTest extends ResellerTreesTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String schema = PostgresSchemas.create("es_");
        registry.add("spring.datasource.url", () -> PostgresSchemas.URL + "?currentSchema=" + schema);
        registry.add("spring.datasource.username", () -> PostgresSchemas.USER);
        registry.add("spring.datasource.password", () -> PostgresSchemas.PASSWORD);
        registry.add("spring.flyway.schemas", () -> schema);
    }
}
