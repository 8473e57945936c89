package io.esbridge.feed;

import org.springframework.test.context.TestPropertySource;

/** samples/migrations/directadmin imported twice: see {@link MigrationSamplesReimport}. */
@TestPropertySource(
        properties = {
            "es.sandbox.datasource-url=jdbc:h2:mem:reimport-directadmin-sandbox;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=" + MigrationSamplesDirectAdminReimportTest.STATE
        })
class MigrationSamplesDirectAdminReimportTest extends MigrationSamplesReimport {

    static final String STATE = "jdbc:h2:mem:reimport-directadmin;DB_CLOSE_DELAY=-1";

    @Override
    String panel() {
        return "directadmin";
    }

    @Override
    String stateUrl() {
        return STATE;
    }
}
