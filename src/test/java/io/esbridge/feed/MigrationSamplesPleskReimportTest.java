package io.esbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.test.context.TestPropertySource;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.contract.PackageInfo;

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

    /** annlee's subscription, unlocked from Plesk Basic's 1 GB with 2 GB of disk: her space keeps its own limit. */
    @Override
    void provisionedAsTheSampleSays() {
        int annlee = client.getUserByUsername("annlee").orElseThrow().getUserId();
        PackageInfo space = client.getMyPackages(annlee).stream()
                .filter(p -> p.getPackageName().equals("leebakery.example"))
                .findFirst()
                .orElseThrow();
        assertThat(space.isOverrideQuotas()).isTrue();
        String disk = String.valueOf(QuotaCatalogue.get().quotaId("Disk space, MB"));
        assertThat(client.getPackageQuotas(space.getPackageId()).table("Table1"))
                .anySatisfy(
                        row -> assertThat(row).containsEntry("QuotaID", disk).containsEntry("QuotaValue", "2048"));
    }
}
