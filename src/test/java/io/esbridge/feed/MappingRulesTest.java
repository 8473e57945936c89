package io.esbridge.feed;

import static io.esbridge.mapping.SampleMappings.assertRejected;
import static io.esbridge.mapping.SampleMappings.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.mapping.FeedMapping;
import io.esbridge.mapping.FieldRejection;
import io.esbridge.mapping.RecordMapper;
import io.esbridge.mapping.SampleMappings;
import io.esbridge.record.AddonRecord;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.SubscriptionRecord;

/** The sample mappings of config/mappings applied to rows: every validation rule refuses with field, value, reason. */
class MappingRulesTest {

    private static Map<String, String> customer() {
        return SampleMappings.customer("Иван", "Петров", "  Ivan.Petrov@Example.RU ", "Suspended");
    }

    @Test
    void mapsACustomerWithConstantsValueMapsAndExpressions() {
        CustomerRecord c = (CustomerRecord) map("customers", customer());
        assertThat(c.key()).isEqualTo("C1");
        assertThat(c.firstName()).isEqualTo("Иван");
        assertThat(c.email()).isEqualTo("ivan.petrov@example.ru");
        assertThat(c.status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(c.ownerId()).isEqualTo(1);
        assertThat(c.roleId()).isEqualTo(3);
        assertThat(c.demo()).isFalse();
        assertThat(c.comments()).isEqualTo("Imported from billing, customer since 2020-01-02");
    }

    @Test
    void anEmptyStatusTakesTheDefault() {
        Map<String, String> row = customer();
        row.put("status", "");
        assertThat(((CustomerRecord) map("customers", row)).status()).isEqualTo(UserStatus.ACTIVE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\\b", "a/b", "a:b", "a*b", "a?b", "a<b", "a>b", "a|b", "a\"b"})
    void refusesUsernamesTheServerRefuses(String username) {
        Map<String, String> row = customer();
        row.put("username", username);
        assertRejected("customers", row, "Username", username, "the server refuses");
    }

    @Test
    void refusesAnEmptyUsername() {
        Map<String, String> row = customer();
        row.put("username", " ");
        assertRejected("customers", row, "Username", null, "is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"first_name", "last_name", "email", "password"})
    void refusesAMissingRequiredField(String column) {
        Map<String, String> row = customer();
        row.remove(column);
        assertThatThrownBy(() -> map("customers", row))
                .isInstanceOf(FieldRejection.class)
                .hasMessageContaining("is required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"not-an-email", "a@@b.com", "a@b", "a b@c.com"})
    void refusesAnEmailOfTheWrongShape(String email) {
        Map<String, String> row = customer();
        row.put("email", email);
        assertRejected("customers", row, "Email", email.toLowerCase(), "not an e-mail address");
    }

    @Test
    void refusesAnUnknownStatus() {
        Map<String, String> row = customer();
        row.put("status", "vip");
        assertRejected("customers", row, "Status", "vip", "not a known value");
    }

    @Test
    void aRefusedPasswordIsMasked() {
        FeedMapping mapping = new FeedMapping();
        mapping.name = "pw";
        mapping.type = io.esbridge.record.RecordType.CUSTOMER;
        mapping.key = "id";
        mapping.fields = Map.of("Password", "password");
        mapping.values = Map.of("Password", Map.of("x", "y"));
        RecordMapper mapper = new RecordMapper(mapping, new DefaultCamelContext());
        assertThatThrownBy(() -> mapper.map(Map.of("id", "1", "password", "hunter2")))
                .isInstanceOfSatisfying(
                        FieldRejection.class, r -> assertThat(r.value()).isEqualTo("******"));
    }

    @Test
    void aMappingNamingAnUnknownFieldIsRefusedAtStartUp() {
        FeedMapping mapping = new FeedMapping();
        mapping.name = "typo";
        mapping.type = io.esbridge.record.RecordType.CUSTOMER;
        mapping.key = "id";
        mapping.fields = Map.of("EMail", "email");
        assertThatThrownBy(() -> new RecordMapper(mapping, new DefaultCamelContext()))
                .hasMessageContaining("has no field EMail");
    }

    private static Map<String, String> subscription() {
        return SampleMappings.subscription("reseller-50", "Example.NET", "terminated", "31.12.2023");
    }

    @Test
    void mapsASubscriptionWithPlanCodesStatusesAndDates() {
        SubscriptionRecord s = (SubscriptionRecord) map("subscriptions", subscription());
        assertThat(s.customerKey()).isEqualTo("C1");
        assertThat(s.planName()).isEqualTo("Reseller 50");
        assertThat(s.packageName()).isEqualTo("example.net");
        assertThat(s.status()).isEqualTo(PackageStatus.CANCELLED);
        assertThat(s.ended()).isTrue();
        assertThat(s.purchaseDate()).isEqualTo(LocalDateTime.of(2023, 12, 31, 0, 0));
    }

    @Test
    void refusesASubscriptionWithoutCustomerKey() {
        Map<String, String> row = subscription();
        row.put("customer_id", "");
        assertRejected("subscriptions", row, "CustomerKey", null, "is required");
    }

    @Test
    void refusesAnUnknownPlanCode() {
        Map<String, String> row = subscription();
        row.put("product", "platinum");
        assertRejected("subscriptions", row, "PlanName", "platinum", "not a known value");
    }

    @Test
    void refusesABadDate() {
        Map<String, String> row = subscription();
        row.put("start_date", "2024-13-45");
        assertRejected(
                "subscriptions",
                row,
                "PurchaseDate",
                "2024-13-45",
                "is not a valid date: there is no month 13 (months run 1 to 12)");
        row.put("start_date", "next tuesday");
        assertRejected(
                "subscriptions",
                row,
                "PurchaseDate",
                "next tuesday",
                "is not a date in any of the mapping's dateFormats");
    }

    @Test
    void aMissingDateTakesTheDefaultExpression() {
        Map<String, String> row = subscription();
        row.remove("start_date");
        // read around the mapping: a run across midnight still finds the day the default was taken on
        java.time.LocalDate before = java.time.LocalDate.now();
        SubscriptionRecord s = (SubscriptionRecord) map("subscriptions", row);
        java.time.LocalDate after = java.time.LocalDate.now();
        assertThat(s.purchaseDate().toLocalDate()).isBetween(before, after);
    }

    private static Map<String, String> addon() {
        Map<String, String> row = new HashMap<>();
        row.put("addon_id", "A1");
        row.put("service_id", "S1");
        row.put("customer_id", "C1");
        row.put("addon", "mail-50");
        row.put("quantity", "2");
        row.put("status", "active");
        row.put("start_date", "2024-02-03");
        return row;
    }

    @Test
    void mapsAnAddon() {
        AddonRecord a = (AddonRecord) map("addons", addon());
        assertThat(a.planName()).isEqualTo("Extra Mail 50");
        assertThat(a.quantity()).isEqualTo(2);
        assertThat(a.subscriptionKey()).isEqualTo("S1");
        assertThat(a.ended()).isFalse();
    }

    @Test
    void refusesQuantitiesThatAreNotNumbersOrBelowOne() {
        Map<String, String> row = addon();
        row.put("quantity", "two");
        assertRejected("addons", row, "Quantity", "two", "not a whole number");
        row.put("quantity", "0");
        assertRejected("addons", row, "Quantity", "0", "at least 1");
    }

    @Test
    void mapsAPlanWithQuotasAndGroupsByName() {
        Map<String, String> row = new HashMap<>();
        row.put("code", "business");
        row.put("name", "Business");
        row.put("addon", "no");
        row.put("price", "14.99");
        row.put("groups", "OS");
        row.put("quotas", "Web Sites=10; Mail Accounts=unlimited; Disk space, MB=20480; MySQL5 / Databases=yes");
        PlanRecord p = (PlanRecord) map("plans", row);
        assertThat(p.quotas())
                .containsExactly(
                        new PlanRecord.Quota(13, 10),
                        new PlanRecord.Quota(14, -1),
                        new PlanRecord.Quota(52, 20480),
                        new PlanRecord.Quota(68, 1));
        assertThat(p.groups())
                .extracting(PlanRecord.Group::groupId)
                .containsExactlyInAnyOrder(
                        1, 2, 4, io.esbridge.catalogue.QuotaCatalogue.get().groupId("MySQL5"));
        assertThat(p.recurringPrice()).isEqualByComparingTo(new BigDecimal("14.99"));
        assertThat(p.recurrenceUnit()).isEqualTo(2);
    }

    @Test
    void refusesUnknownAndAmbiguousQuotaNames() {
        Map<String, String> row = new HashMap<>(Map.of("code", "x", "name", "X", "quotas", "Teleporters=3"));
        assertRejected("plans", row, "Quotas", "Teleporters", "no quota is named");
        row.put("quotas", "Databases=3");
        assertRejected("plans", row, "Quotas", "Databases", "ambiguous");
        row.put("quotas", "Web Sites=many");
        assertRejected("plans", row, "Quotas", "Web Sites=many", "not a number");
    }

    @Test
    void mapsAWhmcsClientWithoutPassword() {
        Map<String, String> row = new HashMap<>(Map.of(
                "id",
                "42",
                "firstname",
                "Γιώργος",
                "lastname",
                "Παπαδόπουλος",
                "email",
                "G.Pap@Mail.Example",
                "address1",
                "1 High St",
                "address2",
                "",
                "status",
                "Closed"));
        CustomerRecord c = (CustomerRecord) map("whmcs-clients", row);
        assertThat(c.key()).isEqualTo("whmcs-42");
        assertThat(c.username()).isEqualTo("g.pap@mail.example");
        assertThat(c.password()).isNull();
        assertThat(c.address()).isEqualTo("1 High St");
        assertThat(c.status()).isEqualTo(UserStatus.CANCELLED);
    }
}
