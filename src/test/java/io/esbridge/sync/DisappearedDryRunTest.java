package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserStatus;
import io.esbridge.record.RecordType;
import io.esbridge.run.RunReport;
import io.esbridge.state.Fingerprint;
import io.esbridge.state.LinkData;
import io.esbridge.state.LinkStore;

/** A dry-run reconciliation lists the status change of a customer gone from billing and makes no call. */
@TestPropertySource(
        properties = {
            "es.provisioning.dry-run=true",
            "es.sync.disappeared=SUSPEND",
            "es.sync.source.init-scripts=samples/billing-db/schema.sql,src/test/resources/sync/three-clients.sql"
        })
class DisappearedDryRunTest extends SyncTestSupport {

    @Autowired
    LinkStore links;

    @Autowired
    SyncedKeys syncedKeys;

    @Autowired
    EnterpriseServerClient client;

    @Test
    void listsTheStatusChangeAndMakesNoCall() {
        // what an earlier, real sync left: a user on the server, linked, of a client billing no longer has
        int userId = client.addUser(goneUser("gone9001"), "Pw-9001-secret", false, List.of());
        String applied = "{\"status\":\"ACTIVE\"}";
        links.markApplied(
                RecordType.CUSTOMER,
                "bdb-9001",
                userId,
                new LinkData(null, applied, Fingerprint.of(applied), null),
                "earlier-sync");
        syncedKeys.addNew(properties.source().name(), RecordType.CUSTOMER, Set.of("bdb-9001"));
        sandbox.reset();

        SyncResult result = reconcile();

        RunReport changes = result.statusChanges();
        assertThat(changes.updated()).as(changes.summary()).isEqualTo(1);
        assertThat(changes.operations()).containsExactlyEntriesOf(Map.of("ChangeUserStatus", 1L));
        // only the reads of the billing rows' dry-run creates (is the username free, which plan): no write call
        assertThat(sandbox.snapshot().operations())
                .as(sandbox.snapshot().toString())
                .doesNotContainKeys("ChangeUserStatus", "ChangePackageStatus", "AddUser", "AddPackage");
        assertThat(client.getUserById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(links.find(RecordType.CUSTOMER, "bdb-9001").orElseThrow().appliedJson())
                .isEqualTo(applied);
    }
}
