package io.esbridge.feed;

import org.springframework.test.context.TestPropertySource;

/** samples/migrations/plesk/migrator imported twice: see {@link MigrationSamplesReimport}. */
@TestPropertySource(
        properties = {
            "es.sandbox.datasource-url=jdbc:h2:mem:reimport-plesk-migrator-sandbox;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=" + MigrationSamplesPleskMigratorReimportTest.STATE
        })
class MigrationSamplesPleskMigratorReimportTest extends MigrationSamplesReimport {

    static final String STATE = "jdbc:h2:mem:reimport-plesk-migrator;DB_CLOSE_DELAY=-1";

    @Override
    String panel() {
        return "plesk/migrator";
    }

    @Override
    String stateUrl() {
        return STATE;
    }
}
