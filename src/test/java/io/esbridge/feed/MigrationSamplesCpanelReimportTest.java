package io.esbridge.feed;

import org.springframework.test.context.TestPropertySource;

/** samples/migrations/cpanel imported twice: see {@link MigrationSamplesReimport}. */
@TestPropertySource(
        properties = {
            "es.sandbox.datasource-url=jdbc:h2:mem:reimport-cpanel-sandbox;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=" + MigrationSamplesCpanelReimportTest.STATE
        })
class MigrationSamplesCpanelReimportTest extends MigrationSamplesReimport {

    static final String STATE = "jdbc:h2:mem:reimport-cpanel;DB_CLOSE_DELAY=-1";

    @Override
    String panel() {
        return "cpanel";
    }

    @Override
    String stateUrl() {
        return STATE;
    }
}
