package io.esbridge.feed;

import static io.esbridge.mapping.SampleMappings.assertRejected;
import static io.esbridge.mapping.SampleMappings.map;
import static io.esbridge.mapping.SampleMappings.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.esbridge.catalogue.FieldLengths;
import io.esbridge.mapping.MappingRegistry;
import io.esbridge.mapping.SampleMappings;
import io.esbridge.mapping.Secrets;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.SubscriptionRecord;

/**
 * The sample mappings refuse, before any call, a field longer than the panel's column (or a billing key longer than
 * es-bridge keeps), naming the field, the value and the reason: the server would answer a SOAP fault carrying SQL
 * text, and es-bridge's own tables would fail on it. Values at the limit still map.
 */
class FieldLengthRulesTest {

    private static Map<String, String> customer() {
        return SampleMappings.customer("Ivan", "Petrov", "ivan@example.ru", "active");
    }

    /** A value of {@code length} characters for a column, keeping what the field's other rules ask for. */
    private static String ofLength(String column, int length) {
        if (column.equals("email")) {
            return "a".repeat(length - "@example.com".length()) + "@example.com";
        }
        return "b".repeat(length);
    }

    @ParameterizedTest(name = "{1} ({0}) at most {2}")
    @CsvSource({
        "username, Username, 50",
        "first_name, FirstName, 50",
        "last_name, LastName, 50",
        "email, Email, 255",
        "company, CompanyName, 100",
        "address, Address, 200",
        "city, City, 50",
        "country, Country, 50",
        "phone, PrimaryPhone, 30"
    })
    void aCustomerFieldLongerThanItsPanelColumnIsRefusedAndOneAtTheLimitIsNot(String column, String field, int most) {
        Map<String, String> row = customer();
        row.put(column, ofLength(column, most));
        assertThat(map("customers", row)).isInstanceOf(CustomerRecord.class);

        row.put(column, ofLength(column, most + 1));
        assertRejected(
                "customers",
                row,
                field,
                row.get(column).strip(),
                "is " + (most + 1) + " characters long; the Enterprise Server accepts at most " + most);
    }

    @Test
    void aTooLongPasswordIsRefusedWithoutShowingIt() {
        Map<String, String> row = customer();
        row.put("password", "p".repeat(201));
        assertRejected(
                "customers",
                row,
                "Password",
                Secrets.MASK,
                "is 201 characters long; the Enterprise Server accepts at most 200");
    }

    @Test
    void aRowWithSeveralTooLongFieldsIsAlwaysRefusedForTheFirstOfTheTable() {
        Map<String, String> row = customer();
        row.put("email", ofLength("email", 300));
        row.put("city", "c".repeat(60));
        row.put("username", "u".repeat(300));
        assertRejected("customers", row, "Username", "u".repeat(300), "is 300 characters long");
    }

    @Test
    void aCommentHasNoColumnSizeAndIsNeverTooLong() {
        Map<String, String> row = customer();
        row.put("created", "z".repeat(100_000));
        assertThat(((CustomerRecord) map("customers", row)).comments()).hasSizeGreaterThan(100_000);
    }

    @Test
    void aSubscriptionWhosePackageNameIsLongerThanThePanelsIsRefused() {
        Map<String, String> row = subscription("2024-01-01");
        row.put("domain", "d".repeat(288) + ".example.net");
        assertThat(((SubscriptionRecord) map("subscriptions", row)).packageName())
                .hasSize(300);
        row.put("domain", "d".repeat(289) + ".example.net");
        assertRejected(
                "subscriptions",
                row,
                "PackageName",
                "d".repeat(289) + ".example.net",
                "is 301 characters long; the Enterprise Server accepts at most 300");
    }

    @Test
    void aBillingKeyLongerThanEsBridgeKeepsIsRefusedAndReadAsNoKey() {
        Map<String, String> row = customer();
        row.put("customer_id", "K".repeat(200));
        assertThat(map("customers", row).key()).hasSize(200);

        row.put("customer_id", "K".repeat(201));
        assertRejected(
                "customers",
                row,
                "customer_id",
                "K".repeat(201),
                "is 201 characters long; es-bridge keeps billing keys of at most 200");
        assertThat(SampleMappings.registry().mapper("customers").mapperFor(row).key(row))
                .isNull();

        Map<String, String> sub = subscription("2024-01-01");
        sub.put("customer_id", "K".repeat(201));
        assertRejected(
                "subscriptions", sub, "CustomerKey", "K".repeat(201), "es-bridge keeps billing keys of at most 200");
    }

    @Test
    void aPanelWithAWiderColumnIsConfiguredByOverridingIt() {
        MappingRegistry wider = new MappingRegistry(
                Path.of("config/mappings"),
                new DefaultCamelContext(),
                FieldLengths.defaults().withOverrides(Map.of("users.city", 100)));
        Map<String, String> row = customer();
        row.put("city", "c".repeat(100));
        assertThat(((CustomerRecord) wider.mapper("customers").mapperFor(row).map(row)).city())
                .hasSize(100);
        row.put("city", "c".repeat(101));
        assertThatThrownBy(() -> wider.mapper("customers").mapperFor(row).map(row))
                .hasMessageContaining("the Enterprise Server accepts at most 100");

        assertThatThrownBy(() -> FieldLengths.defaults().withOverrides(Map.of("Users.ShoeSize", 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Users.ShoeSize");
    }
}
