package io.esbridge.sync;

import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.esbridge.PostgresSchemas;
import io.esbridge.RequiredParts;

/**
 * The same syncs with both the state store (and Quartz's tables) and the billing database on PostgreSQL, each in a
 * schema of its own. Missing PostgreSQL fails the build under CI=true and skips the class elsewhere
 * ({@link RequiredParts}), decided before Spring loads the context.
 */
@ExtendWith(RequiredParts.PostgreSql.class)
class BillingSyncOnPostgresTest extends BillingSyncTest {

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        String state = PostgresSchemas.create("es_");
        String billing = PostgresSchemas.create("billing_");
        registry.add("spring.datasource.url", () -> PostgresSchemas.URL + "?currentSchema=" + state);
        registry.add("spring.datasource.username", () -> PostgresSchemas.USER);
        registry.add("spring.datasource.password", () -> PostgresSchemas.PASSWORD);
        registry.add("spring.flyway.schemas", () -> state);
        registry.add("es.sync.source.url", () -> PostgresSchemas.URL + "?currentSchema=" + billing);
        registry.add("es.sync.source.username", () -> PostgresSchemas.USER);
        registry.add("es.sync.source.password", () -> PostgresSchemas.PASSWORD);
    }
}
