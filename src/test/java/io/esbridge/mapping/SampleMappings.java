package io.esbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;

import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordType;

/**
 * The sample mappings of config/mappings, for tests that apply them to rows: the registry (loaded once, it is only
 * read), sample billing rows of the customers and subscriptions feeds, and mapping a row or asserting its refusal.
 */
public final class SampleMappings {

    private static MappingRegistry registry;

    private SampleMappings() {}

    /** The registry of config/mappings with the default field lengths. */
    public static synchronized MappingRegistry registry() {
        if (registry == null) {
            registry = new MappingRegistry(Path.of("config/mappings"), new DefaultCamelContext());
        }
        return registry;
    }

    /** A row of the customers feed (key C1, username ipetrov); names, e-mail and status as given. */
    public static Map<String, String> customer(String firstName, String lastName, String email, String status) {
        Map<String, String> row = new HashMap<>();
        row.put("customer_id", "C1");
        row.put("username", "ipetrov");
        row.put("password", "s3cret-Pw");
        row.put("first_name", firstName);
        row.put("last_name", lastName);
        row.put("email", email);
        row.put("status", status);
        row.put("created", "2020-01-02");
        return row;
    }

    /** A row of the subscriptions feed (service S1 of customer C1); plan, domain, status and start date as given. */
    public static Map<String, String> subscription(String product, String domain, String status, String startDate) {
        Map<String, String> row = new HashMap<>();
        row.put("service_id", "S1");
        row.put("customer_id", "C1");
        row.put("product", product);
        row.put("domain", domain);
        row.put("status", status);
        row.put("start_date", startDate);
        return row;
    }

    /** An active Starter subscription of example.net starting on {@code startDate}. */
    public static Map<String, String> subscription(String startDate) {
        return subscription("starter", "example.net", "active", startDate);
    }

    /**
     * A subscriptions mapping written in the test, not a sample: key {@code id}, CustomerKey, PlanId and PurchaseDate
     * from the columns customer, plan and date, the status Active, dates read in {@code dateFormats}.
     */
    public static RecordMapper datedSubscriptionMapper(String name, String... dateFormats) {
        FeedMapping mapping = new FeedMapping();
        mapping.name = name;
        mapping.type = RecordType.SUBSCRIPTION;
        mapping.key = "id";
        mapping.fields = Map.of("CustomerKey", "customer", "PlanId", "plan", "PurchaseDate", "date");
        mapping.constants = Map.of("Status", "Active");
        mapping.dateFormats = List.of(dateFormats);
        return new RecordMapper(mapping, new DefaultCamelContext());
    }

    /** A row of {@link #datedSubscriptionMapper}'s mappings (id 1 of customer C1 on plan 3), dated {@code date}. */
    public static Map<String, String> datedSubscriptionRow(String date) {
        return new HashMap<>(Map.of("id", "1", "customer", "C1", "plan", "3", "date", date));
    }

    /** The row mapped by the named sample mapping. */
    public static ProvisioningRecord map(String mapping, Map<String, String> row) {
        return registry().mapper(mapping).mapperFor(row).map(row);
    }

    /** Mapping the row is refused for {@code field} with {@code value}, the reason containing {@code reason}. */
    public static void assertRejected(
            String mapping, Map<String, String> row, String field, String value, String reason) {
        assertThatThrownBy(() -> map(mapping, row)).isInstanceOfSatisfying(FieldRejection.class, r -> {
            assertThat(r.field()).isEqualTo(field);
            assertThat(r.value()).isEqualTo(value);
            assertThat(r.reason()).contains(reason);
        });
    }
}
