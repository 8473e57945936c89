package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The same syncs through MySQL Connector/J (jdbc:mysql://, which MariaDB 10.11 answers), the driver a WHMCS on
 * MySQL needs: it throws on a zero date by default, so the queries' NULLIFs are what keep these rows readable
 * (zeroDateTimeBehavior=CONVERT_TO_NULL is set as README.md advises, for the operators' own queries).
 */
class WhmcsMySqlConnectorTest extends WhmcsPerCustomerSync {

    @DynamicPropertySource
    static void mysqlDriver(DynamicPropertyRegistry registry) {
        String database = WhmcsMariaDb.create();
        registry.add(
                "es.sync.source.url",
                () -> "jdbc:mysql://" + WhmcsMariaDb.HOST + "/" + database
                        // Connector/J URL-decodes its options: '+' must be %2B there
                        + "?zeroDateTimeBehavior=CONVERT_TO_NULL&characterEncoding=UTF-8"
                        + "&sessionVariables=time_zone='%2B00:00'");
    }

    @Autowired
    BillingSource billingSource;

    @Test
    @Order(5)
    void theSyncsReadThroughMySqlConnectorJ() throws SQLException {
        try (Connection connection = billingSource.dataSource().getConnection()) {
            assertThat(connection.getMetaData().getDriverName()).isEqualTo("MySQL Connector/J");
        }
    }
}
