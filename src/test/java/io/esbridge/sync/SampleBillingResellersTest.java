package io.esbridge.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.sql.ResultSetMetaData;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.core.io.FileSystemResource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import io.esbridge.mapping.FieldRejection;
import io.esbridge.mapping.MappingRegistry;
import io.esbridge.mapping.SampleMappings;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.SubscriptionRecord;

/**
 * The sample billing database's resellers as the default sync phases read them: the phases' queries (config/sync)
 * against the sample (samples/billing-db) in a real H2, each row mapped by its phase's mapping (config/mappings), no
 * provisioning. What the later phases need must come out of the earlier ones: resellers (role 2) before their
 * customers, whose OwnerKey names them; each reseller's space before its plans, placed in it; those plans before
 * the services of the reseller's customers. Expectations come from the billing rows themselves.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleBillingResellersTest {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private NamedParameterJdbcTemplate billing;
    private final Map<String, List<ProvisioningRecord>> mapped = new LinkedHashMap<>();
    private final Map<String, List<String>> refused = new LinkedHashMap<>();

    @BeforeAll
    void readEveryPhaseOfTheSample() throws IOException {
        SimpleDriverDataSource source = new SimpleDriverDataSource(
                new org.h2.Driver(), "jdbc:h2:mem:sample-resellers-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(
                new FileSystemResource("samples/billing-db/schema.sql"),
                new FileSystemResource("samples/billing-db/data.sql"));
        populator.setSqlScriptEncoding("UTF-8");
        populator.execute(source);
        billing = new NamedParameterJdbcTemplate(source);
        MappingRegistry mappings = SampleMappings.registry();
        // the defaults, as an es-bridge without es.sync.phases runs them
        SyncProperties defaults = new SyncProperties(
                false, "0 0 2 * * ?", SyncMode.INCREMENTAL, null, null, "updated_at", null, null, true, 1000, null);
        for (SyncProperties.Phase phase : defaults.phases()) {
            String sql = Files.readString(phase.query()).strip().replaceFirst(";$", "");
            List<ProvisioningRecord> records = new ArrayList<>();
            List<String> failures = new ArrayList<>();
            billing.query(sql, Map.of("watermark", Timestamp.valueOf(LocalDateTime.of(1900, 1, 1, 0, 0))), rs -> {
                Map<String, String> row = new HashMap<>();
                ResultSetMetaData meta = rs.getMetaData();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    Object value = rs.getObject(i);
                    if (value != null) {
                        row.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), text(value));
                    }
                }
                try {
                    records.add(mappings.mapper(phase.mapping()).mapperFor(row).map(row));
                } catch (FieldRejection e) {
                    failures.add(phase.name() + " " + row.get("client_id") + " " + e.getMessage());
                }
            });
            mapped.put(phase.name(), records);
            refused.put(phase.name(), failures);
        }
    }

    @Test
    void thePhasesAreReadInTheOrderOfTheirDependencies() {
        assertThat(mapped.keySet())
                .containsExactly("customers", "reseller-spaces", "reseller-plans", "subscriptions", "addons");
    }

    @Test
    void resellersAreRoleTwoAndComeFirstAndTheirCustomersNameThemAsOwner() {
        List<CustomerRecord> customers = of("customers", CustomerRecord.class);
        Map<String, Map<String, Object>> clients = rowsByKey(
                "select client_id, reseller_id, is_reseller from clients", row -> "bdb-" + row.get("client_id"));
        assertThat(customers).isNotEmpty().allSatisfy(customer -> {
            Map<String, Object> client = clients.get(customer.key());
            Object resellerId = client.get("reseller_id");
            assertThat(customer.ownerKey())
                    .as(customer.key())
                    .isEqualTo(resellerId == null ? null : "bdb-" + resellerId);
            assertThat(customer.roleId())
                    .as(customer.key())
                    .isEqualTo(Boolean.TRUE.equals(client.get("is_reseller")) ? CustomerRecord.ROLE_RESELLER : 3);
        });
        List<String> order = customers.stream().map(CustomerRecord::key).toList();
        List<CustomerRecord> resellers =
                customers.stream().filter(CustomerRecord::reseller).toList();
        assertThat(resellers).hasSize(3).allSatisfy(r -> assertThat(r.ownerKey())
                .isNull());
        // the read hands every reseller on before any client that it owns
        assertThat(order.subList(0, resellers.size()))
                .containsExactlyElementsOf(
                        resellers.stream().map(CustomerRecord::key).toList());
        Map<String, Long> customersPerReseller = customers.stream()
                .filter(c -> c.ownerKey() != null)
                .collect(Collectors.groupingBy(CustomerRecord::ownerKey, Collectors.counting()));
        assertThat(customersPerReseller)
                .containsOnlyKeys(resellers.stream().map(CustomerRecord::key).toList())
                .allSatisfy((reseller, count) -> assertThat(count).as(reseller).isEqualTo(40));
        // the clients refused (no username, malformed e-mail) are the sample's old bad rows, none of a reseller
        assertThat(refused.get("customers")).hasSize(8);
        assertThat(customers).hasSize(clients.size() - 8);
    }

    @Test
    void eachResellerPlanIsOwnedByItsResellerAndPlacedInThatResellersSpace() {
        Map<String, SubscriptionRecord> spaces = of("reseller-spaces", SubscriptionRecord.class).stream()
                .collect(Collectors.toMap(SubscriptionRecord::key, Function.identity()));
        Set<String> resellers = resellerKeys();
        assertThat(spaces.values())
                .hasSize(3)
                .allSatisfy(space -> assertThat(resellers).contains(space.customerKey()))
                .allSatisfy(space -> assertThat(space.planName()).isEqualTo("Reseller 50"));

        List<PlanRecord> plans = of("reseller-plans", PlanRecord.class);
        assertThat(refused.get("reseller-plans")).isEmpty();
        assertThat(plans)
                .hasSize(Math.toIntExact(count("select count(*) from products where reseller_id is not null")))
                .allSatisfy(plan -> {
                    assertThat(plan.resellers()).as(plan.key()).isTrue();
                    assertThat(plan.addon()).as(plan.key()).isFalse();
                    assertThat(spaces).as(plan.key()).containsKey(plan.spaceKey());
                    assertThat(spaces.get(plan.spaceKey()).customerKey())
                            .as(plan.key() + " placed in a space of its owner")
                            .isEqualTo(plan.ownerKey());
                    assertThat(plan.quotas()).as(plan.key()).isNotEmpty();
                    assertThat(plan.groups()).as(plan.key()).isNotEmpty();
                });
        assertThat(plans.stream().map(PlanRecord::ownerKey).collect(Collectors.toSet()))
                .isEqualTo(resellers);
    }

    @Test
    void resellersCustomersServicesAreOnTheirResellersPlansButOne() {
        Map<String, String> ownerOf = of("customers", CustomerRecord.class).stream()
                .filter(c -> c.ownerKey() != null)
                .collect(Collectors.toMap(CustomerRecord::key, CustomerRecord::ownerKey));
        Map<String, Set<String>> plansOf = of("reseller-plans", PlanRecord.class).stream()
                .collect(Collectors.groupingBy(
                        PlanRecord::ownerKey, Collectors.mapping(PlanRecord::name, Collectors.toSet())));
        List<SubscriptionRecord> ofResellersCustomers = of("subscriptions", SubscriptionRecord.class).stream()
                .filter(s -> ownerOf.containsKey(s.customerKey()))
                .toList();
        assertThat(ofResellersCustomers).hasSizeGreaterThanOrEqualTo(ownerOf.size());
        // the one deliberately wrong row: an administrator's plan for a reseller's customer, which the server would
        // accept (the space under System, outside the reseller's limits) and es-bridge refuses (PLAN_NOT_OWNERS)
        assertThat(ofResellersCustomers)
                .filteredOn(s -> !plansOf.get(ownerOf.get(s.customerKey())).contains(s.planName()))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.customerKey()).isEqualTo("bdb-1410");
                    assertThat(s.planName()).isEqualTo("Business");
                });
    }

    @Test
    void everyServiceIsReadOnceEitherAsAResellersSpaceOrAsACustomersService() {
        List<String> keys = new ArrayList<>();
        of("reseller-spaces", SubscriptionRecord.class).forEach(s -> keys.add(s.key()));
        of("subscriptions", SubscriptionRecord.class).forEach(s -> keys.add(s.key()));
        long refusedServices = refused.get("reseller-spaces").size()
                + refused.get("subscriptions").size();
        assertThat(keys).doesNotHaveDuplicates();
        assertThat(keys.size() + refusedServices).isEqualTo(count("select count(*) from services"));
        Set<String> resellers = resellerKeys();
        assertThat(of("subscriptions", SubscriptionRecord.class)).noneMatch(s -> resellers.contains(s.customerKey()));
    }

    private Set<String> resellerKeys() {
        return of("customers", CustomerRecord.class).stream()
                .filter(CustomerRecord::reseller)
                .map(CustomerRecord::key)
                .collect(Collectors.toSet());
    }

    private <T> List<T> of(String phase, Class<T> type) {
        assertThat(mapped.get(phase)).as(phase).allMatch(type::isInstance);
        return mapped.get(phase).stream().map(type::cast).toList();
    }

    private long count(String sql) {
        return billing.getJdbcTemplate().queryForObject(sql, Long.class);
    }

    private Map<String, Map<String, Object>> rowsByKey(String sql, Function<Map<String, Object>, String> key) {
        Map<String, Map<String, Object>> rows = new HashMap<>();
        for (Map<String, Object> row : billing.getJdbcTemplate().queryForList(sql)) {
            Map<String, Object> lower = new HashMap<>();
            row.forEach((column, value) -> lower.put(column.toLowerCase(Locale.ROOT), value));
            rows.put(key.apply(lower), lower);
        }
        return rows;
    }

    /** A value as the sync hands it to the mapping (PhaseReader): text, timestamps without the fraction. */
    private static String text(Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().format(TIMESTAMP);
        }
        if (value instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return value.toString();
    }
}
