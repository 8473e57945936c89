package io.esbridge.mapping;

import static io.esbridge.mapping.SampleMappings.registry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.RecordType;

/**
 * The mapper alone, no Spring and no server: a row of each sample mapping of config/mappings with one thing wrong is
 * refused naming the record (its billing key, as the rejects file shows it), the field and the reason, so that the
 * operator can fix the row without reading es-bridge's code. The kinds {@code MappingRulesTest} checks only by their
 * message are checked here with the record and the exact field; the kinds nothing else checks are here too.
 */
class RecordMapperUnitTest {

    /** One kind of bad row: the mapping, how a good row is spoiled, and what the rejection must name. */
    record Kind(String mapping, Consumer<Map<String, String>> spoil, String field, String value, String reason) {

        @Override
        public String toString() {
            return mapping + " " + field + ": " + reason;
        }
    }

    static Stream<Arguments> kinds() {
        return Stream.of(
                        new Kind("customers", r -> r.remove("first_name"), "FirstName", null, "is required"),
                        new Kind("customers", r -> r.put("password", " "), "Password", null, "is required"),
                        new Kind(
                                "customers",
                                r -> r.put("email", "ivan@petrov"),
                                "Email",
                                "ivan@petrov",
                                "is not an e-mail address"),
                        new Kind(
                                "customers",
                                r -> r.put("username", "ivan:petrov"),
                                "Username",
                                "ivan:petrov",
                                "contains ':'; the server refuses any of \\ / : * ? < > | \""),
                        new Kind(
                                "customers",
                                r -> r.put("status", "dormant"),
                                "Status",
                                "dormant",
                                "is not a known value (known: active, suspended, fraud, terminated, cancelled,"
                                        + " pending)"),
                        new Kind(
                                "customers",
                                r -> r.put("city", "Sofia\u0007"),
                                "City",
                                "Sofia?",
                                "contains the control character U+0007, which XML (and so the server) cannot carry"),
                        new Kind(
                                "subscriptions",
                                r -> r.put("start_date", "2024-06-31"),
                                "PurchaseDate",
                                "2024-06-31",
                                "is not a valid date: June 2024 has 30 days, not 31"),
                        new Kind(
                                "subscriptions",
                                r -> r.put("start_date", "June 1st"),
                                "PurchaseDate",
                                "June 1st",
                                "is not a date in any of the mapping's dateFormats"),
                        // the plan is named by a billing code: without one there is neither PlanId nor PlanName
                        new Kind("subscriptions", r -> r.remove("product"), "PlanName", null, "is required"),
                        new Kind("addons", r -> r.put("quantity", "1.5"), "Quantity", "1.5", "is not a whole number"),
                        new Kind(
                                "plans",
                                r -> r.put("quotas", "Web Sites=10; Mail Accounts"),
                                "Quotas",
                                "Mail Accounts",
                                "is not written 'Quota name=value'"),
                        new Kind(
                                "plans",
                                r -> r.put("quotas", "Web Sites=10; Teleporters=3"),
                                "Quotas",
                                "Teleporters",
                                "no quota is named 'Teleporters'"),
                        new Kind(
                                "plans",
                                r -> r.put("quotas", "Web Sites=a few"),
                                "Quotas",
                                "Web Sites=a few",
                                "has a value that is not a number, a size with its unit (500M, 1G, 1073741824 B), unlimited, yes or no"),
                        new Kind("plans", r -> r.put("addon", "perhaps"), "IsAddon", "perhaps", "is not true or false"),
                        new Kind("plans", r -> r.put("price", "9,99"), "RecurringPrice", "9,99", "is not a number"))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachRejectionNamesTheRecordTheFieldAndTheReason(Kind kind) {
        Map<String, String> row = goodRow(kind.mapping());
        RecordMapper mapper = registry().mapper(kind.mapping()).mapperFor(row);
        // the unspoiled row maps: the rejection below is for what was spoiled, nothing else
        assertThat(mapper.map(row).key()).isEqualTo(KEYS.get(kind.mapping()));

        kind.spoil().accept(row);

        assertThatThrownBy(() -> mapper.map(row)).isInstanceOfSatisfying(FieldRejection.class, r -> {
            assertThat(r.field()).isEqualTo(kind.field());
            assertThat(r.value()).isEqualTo(kind.value());
            assertThat(r.reason()).isEqualTo(kind.reason());
        });
        assertThat(mapper.key(row)).as("the record the rejects file names").isEqualTo(KEYS.get(kind.mapping()));
    }

    @Test
    void aRowWithoutBillingKeyIsRefusedNamingTheKeyColumn() {
        Map<String, String> row = goodRow("customers");
        row.put("customer_id", "  ");
        RecordMapper mapper = registry().mapper("customers").mapperFor(row);

        assertThatThrownBy(() -> mapper.map(row)).isInstanceOfSatisfying(FieldRejection.class, r -> {
            assertThat(r.field()).isEqualTo("customer_id");
            assertThat(r.value()).isNull();
            assertThat(r.reason()).isEqualTo("the billing key is empty");
        });
        assertThat(mapper.key(row)).isNull();
    }

    @Test
    void aBillingKeyLongerThanEsBridgeKeepsIsRefusedAndNamesNoRecord() {
        Map<String, String> row = goodRow("customers");
        String key = "C".repeat(201);
        row.put("customer_id", key);
        RecordMapper mapper = registry().mapper("customers").mapperFor(row);

        assertThatThrownBy(() -> mapper.map(row)).isInstanceOfSatisfying(FieldRejection.class, r -> {
            assertThat(r.field()).isEqualTo("customer_id");
            assertThat(r.value()).isEqualTo(key);
            assertThat(r.reason()).isEqualTo("is 201 characters long; es-bridge keeps billing keys of at most 200");
        });
        assertThat(mapper.key(row))
                .as("a key the state store could not hold is no record's")
                .isNull();
    }

    @Test
    void aRowOfAnUnknownTypeInAMixedFeedIsRefusedNamingTheTypeColumn() {
        FeedMapper feed = registry().mapper("billing-records");
        Map<String, String> row = goodRow("customers");
        row.put("record_type", " Customer ");
        assertThat(feed.mapperFor(row).type()).isEqualTo(RecordType.CUSTOMER);

        row.put("record_type", "invoice");
        assertThatThrownBy(() -> feed.mapperFor(row)).isInstanceOfSatisfying(FieldRejection.class, r -> {
            assertThat(r.field()).isEqualTo("record_type");
            assertThat(r.value()).isEqualTo("invoice");
            assertThat(r.reason())
                    .isEqualTo("names no record type of this feed (known: customer, subscription, addon)");
        });
        row.remove("record_type");
        assertThatThrownBy(() -> feed.mapperFor(row))
                .isInstanceOfSatisfying(
                        FieldRejection.class, r -> assertThat(r.value()).isNull());
    }

    @Test
    void anUnknownResourceGroupIsRefusedByName() {
        Map<String, String> row = goodRow("plans");
        row.put("groups", "OS; Teleport");
        assertThatThrownBy(() -> registry().mapper("plans").mapperFor(row).map(row))
                .isInstanceOfSatisfying(FieldRejection.class, r -> {
                    assertThat(r.field()).isEqualTo("Groups");
                    assertThat(r.value()).isEqualTo("Teleport");
                    assertThat(r.reason()).startsWith("no resource group is named 'Teleport' (known: ");
                });
    }

    @Test
    void aStatusWithoutValueMapMustBeAnEnterpriseServerStatus() {
        RecordMapper mapper = customerMapper(Map.of(), Map.of("OwnerId", "1"));
        Map<String, String> row = ownedCustomerRow();
        row.put("status", "suspended");
        assertThat(((CustomerRecord) mapper.map(row)).status().name()).isEqualTo("SUSPENDED");

        row.put("status", "frozen");
        assertThatThrownBy(() -> mapper.map(row)).isInstanceOfSatisfying(FieldRejection.class, r -> {
            assertThat(r.field()).isEqualTo("Status");
            assertThat(r.value()).isEqualTo("frozen");
            assertThat(r.reason()).startsWith("is not a UserStatus (").endsWith("); add it to the mapping's value map");
        });
    }

    @Test
    void anOwnerGivenByBillingKeyNeedsNoOwnerId() {
        RecordMapper mapper = customerMapper(Map.of(), Map.of());
        Map<String, String> row = ownedCustomerRow();
        row.put("reseller", "R-7");

        CustomerRecord customer = (CustomerRecord) mapper.map(row);
        assertThat(customer.ownerKey()).isEqualTo("R-7");
        assertThat(customer.ownerId())
                .as("resolved through the reseller's link later")
                .isZero();

        row.remove("reseller");
        assertThatThrownBy(() -> mapper.map(row)).isInstanceOfSatisfying(FieldRejection.class, r -> {
            assertThat(r.field()).isEqualTo("OwnerId");
            assertThat(r.value()).isNull();
            assertThat(r.reason()).isEqualTo("is required");
        });
    }

    @Test
    void anOwnerIdGivenWithoutOwnerKeyIsKeptAndMustBeANumber() {
        RecordMapper mapper = customerMapper(Map.of("OwnerId", "owner"), Map.of());
        Map<String, String> row = ownedCustomerRow();
        row.put("owner", "42");
        CustomerRecord customer = (CustomerRecord) mapper.map(row);
        assertThat(customer.ownerId()).isEqualTo(42);
        assertThat(customer.ownerKey()).isNull();

        row.put("owner", "serveradmin");
        assertThatThrownBy(() -> mapper.map(row)).isInstanceOfSatisfying(FieldRejection.class, r -> {
            assertThat(r.field()).isEqualTo("OwnerId");
            assertThat(r.value()).isEqualTo("serveradmin");
            assertThat(r.reason()).isEqualTo("is not a whole number");
        });
    }

    @Test
    void aResellersPlanCarriesItsOwnerAndSpaceByBillingKey() {
        FeedMapping mapping = new FeedMapping();
        mapping.name = "reseller-plans";
        mapping.type = RecordType.PLAN;
        mapping.key = "code";
        mapping.fields = Map.of("PlanName", "name", "OwnerKey", "reseller", "SpaceKey", "service");
        RecordMapper mapper = new RecordMapper(mapping, new DefaultCamelContext());

        PlanRecord plan =
                (PlanRecord) mapper.map(Map.of("code", "P1", "name", "Gold", "reseller", "R-7", "service", "S9"));
        assertThat(plan.ownerKey()).isEqualTo("R-7");
        assertThat(plan.spaceKey()).isEqualTo("S9");

        PlanRecord own = (PlanRecord) mapper.map(Map.of("code", "P2", "name", "Silver"));
        assertThat(own.ownerKey()).as("a plan of the plan owner, as before").isNull();
        assertThat(own.spaceKey()).isNull();
    }

    private static final Map<String, String> KEYS =
            Map.of("customers", "C1", "subscriptions", "S1", "addons", "A1", "plans", "business");

    /** A row the named sample mapping maps. */
    private static Map<String, String> goodRow(String mapping) {
        Map<String, String> row = new HashMap<>();
        switch (mapping) {
            case "customers" -> row.putAll(SampleMappings.customer("Ivan", "Petrov", "ivan@example.ru", "active"));
            case "subscriptions" -> row.putAll(SampleMappings.subscription("2024-06-01"));
            case "addons" -> row.putAll(Map.of(
                    "addon_id",
                    "A1",
                    "service_id",
                    "S1",
                    "customer_id",
                    "C1",
                    "addon",
                    "mail-50",
                    "quantity",
                    "2",
                    "status",
                    "active",
                    "start_date",
                    "2024-02-03"));
            case "plans" -> row.putAll(Map.of(
                    "code",
                    "business",
                    "name",
                    "Business",
                    "addon",
                    "no",
                    "price",
                    "14.99",
                    "groups",
                    "OS",
                    "quotas",
                    "Web Sites=10"));
            default -> throw new IllegalArgumentException(mapping);
        }
        return row;
    }

    /**
     * A customers mapping written in the test, not a sample: its owner from the column {@code reseller} (a billing
     * key), the status as the Enterprise Server names it (no value map), plus {@code fields} and {@code constants}.
     */
    private static RecordMapper customerMapper(Map<String, String> fields, Map<String, String> constants) {
        FeedMapping mapping = new FeedMapping();
        mapping.name = "owned-customers";
        mapping.type = RecordType.CUSTOMER;
        mapping.key = "id";
        mapping.fields = new LinkedHashMap<>(Map.of(
                "Username", "username",
                "Password", "password",
                "FirstName", "first",
                "LastName", "last",
                "Email", "email",
                "Status", "status",
                "OwnerKey", "reseller"));
        mapping.fields.putAll(fields);
        mapping.constants = constants;
        mapping.defaults = Map.of("Status", "Active");
        return new RecordMapper(mapping, new DefaultCamelContext());
    }

    private static Map<String, String> ownedCustomerRow() {
        return new HashMap<>(Map.of(
                "id", "C9",
                "username", "mira",
                "password", "s3cret-Pw",
                "first", "Mira",
                "last", "Ivanova",
                "email", "mira@example.bg"));
    }
}
