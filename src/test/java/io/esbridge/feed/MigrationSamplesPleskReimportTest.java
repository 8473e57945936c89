package io.esbridge.feed;

import org.springframework.test.context.TestPropertySource;

/** samples/migrations/plesk imported twice: see {@link MigrationSamplesReimport}. */
@TestPropertySource(
        properties = {
            "es.sandbox.datasource-url=jdbc:h2:mem:reimport-plesk-sandbox;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=" + MigrationSamplesPleskReimportTest.STATE
        })
class MigrationSamplesPleskReimportTest extends MigrationSamplesReimport {

    static final String STATE = "jdbc:h2:mem:reimport-plesk;DB_CLOSE_DELAY=-1";

    @Override
    String panel() {
        return "plesk";
    }

    @Override
    String stateUrl() {
        return STATE;
    }

    /** plesk-3-customer.xml's last result: Plesk's error answer for a filter that found no one, with no login. */
    @Override
    long refusedOnPurpose() {
        return 1;
    }
}
