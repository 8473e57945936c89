package io.esbridge.sync;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** {@link WhmcsPerCustomerSync} through MariaDB Connector/J, the URL config/application-whmcs.yml ships. */
class WhmcsPerCustomerSyncTest extends WhmcsPerCustomerSync {

    @DynamicPropertySource
    static void mariadbDriver(DynamicPropertyRegistry registry) {
        String database = WhmcsMariaDb.create();
        registry.add("es.sync.source.url", () -> WhmcsMariaDb.mariadbUrl(database));
    }
}
