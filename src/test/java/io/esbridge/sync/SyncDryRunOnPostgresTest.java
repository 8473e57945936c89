package io.esbridge.sync;

import java.util.List;

import org.junit.jupiter.api.extension.ExtendWith;

import io.esbridge.PostgresSchemas;
import io.esbridge.RequiredParts;

/**
 * The dry run and the real sync after it with the state store and the billing database on PostgreSQL, each in a
 * schema of its own. Missing PostgreSQL fails the build under CI=true and skips the class elsewhere
 * ({@link RequiredParts}).
 */
@ExtendWith(RequiredParts.PostgreSql.class)
class SyncDryRunOnPostgresTest extends SyncDryRunTest {

    private String state;
    private String billing;

    @Override
    protected List<String> databases() {
        if (state == null) {
            state = PostgresSchemas.create("es_");
            billing = PostgresSchemas.create("billing_");
        }
        return List.of(
                "--spring.datasource.url=" + PostgresSchemas.URL + "?currentSchema=" + state,
                "--spring.datasource.username=" + PostgresSchemas.USER,
                "--spring.datasource.password=" + PostgresSchemas.PASSWORD,
                "--spring.flyway.schemas=" + state,
                "--es.sync.source.url=" + PostgresSchemas.URL + "?currentSchema=" + billing,
                "--es.sync.source.username=" + PostgresSchemas.USER,
                "--es.sync.source.password=" + PostgresSchemas.PASSWORD);
    }
}
