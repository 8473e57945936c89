package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.esbridge.run.RunReport;

/**
 * Billing add-on exports often carry only the service (subscription) an add-on belongs to: its customer is the one
 * its subscription is linked under, and it still applies after its subscription.
 */
class AddonsOfTheirServiceTest extends ErrorChannelTestSupport {

    @Test
    void anAddOnWithoutCustomerKeyIsProvisionedOnItsSubscriptionsSpace() throws Exception {
        String prefix = unique("ao");
        importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 2)));
        importFile(write("subscriptions-" + prefix + ".csv", SUBSCRIPTIONS_HEADER, subscriptions(prefix, 1)));

        RunReport addons = importFile(write(
                "addons-" + prefix + ".csv",
                ADDONS_HEADER,
                List.of(
                        prefix + "-A1," + prefix + "-S1,,disk-10gb,2,active,2024-02-01",
                        prefix + "-A2," + prefix + "-S2,,disk-10gb,1,active,2024-02-01")));

        assertThat(addons.created()).as(addons.summary() + addons.errors()).isEqualTo(1);
        assertThat(addons.failed()).isEqualTo(1);
        assertThat(addons.errors()).containsOnlyKeys("SUBSCRIPTION_NOT_PROVISIONED");
        int userId = client.getUserByUsername(prefix + "u1").orElseThrow().getUserId();
        int packageId = client.getMyPackages(userId).get(0).getPackageId();
        assertThat(client.getPackageAddons(packageId))
                .singleElement()
                .satisfies(row -> assertThat(row.get("Quantity").strip()).isEqualTo("2"));
        String message = jdbc.queryForObject(
                "select message from es_dead_letter where billing_key = ?", String.class, prefix + "-A2");
        assertThat(message).contains("subscription " + prefix + "-S2").contains("not provisioned");
    }

    @Test
    void inOneFeedAnAddOnWithoutCustomerKeyWaitsForItsSubscriptionOfTheSameRun() throws Exception {
        String prefix = unique("am");
        importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 12)));
        // one JSON Lines feed of several types: each subscription, then its add-on naming only the subscription
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            lines.add("{\"record_type\":\"subscription\",\"service_id\":\"" + prefix + "-S" + i
                    + "\",\"customer_id\":\"" + prefix + "-C" + i + "\",\"product\":\"starter\",\"domain\":\""
                    + prefix + "site" + i + ".example.com\",\"status\":\"active\",\"start_date\":\"2024-01-01\"}");
            lines.add("{\"record_type\":\"addon\",\"addon_id\":\"" + prefix + "-A" + i + "\",\"service_id\":\""
                    + prefix + "-S" + i + "\",\"addon\":\"mail-50\",\"quantity\":\"1\",\"status\":\"active\","
                    + "\"start_date\":\"2024-02-01\"}");
        }
        Path feed = Files.write(folder.resolve("billing-records-" + prefix + ".jsonl"), lines);

        RunReport report = importFile(feed);

        assertThat(report.failed()).as(report.summary() + report.errors()).isZero();
        assertThat(report.created()).isEqualTo(24);
    }
}
