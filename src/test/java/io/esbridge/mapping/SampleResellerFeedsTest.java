package io.esbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.esbridge.feed.read.CsvFeedRows;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.RecordType;
import io.esbridge.record.SubscriptionRecord;

/**
 * The WHMCS-style reseller export of samples/feeds, each file read as the import reads it (commons-csv, the mapping
 * its name starts with) and mapped, no provisioning: resellers of role 2, their clients owned by them, each reseller
 * plan owned by a reseller and placed in that reseller's own space, and the customers' services on plans of their
 * reseller but the one deliberately wrong row.
 */
class SampleResellerFeedsTest {

    private static final Path FEEDS = Path.of("samples/feeds");

    @Test
    void theFilesPickTheirResellerMappingsByName() {
        assertThat(mapper("whmcs-reseller-clients.csv").type()).isEqualTo(RecordType.CUSTOMER);
        assertThat(mapper("whmcs-reseller-products.csv").type()).isEqualTo(RecordType.PLAN);
        assertThat(mapper("whmcs-reseller-services.csv").type()).isEqualTo(RecordType.SUBSCRIPTION);
    }

    @Test
    void resellersOwnTheirClientsPlansAndSpacesAndTheirClientsUseTheirPlansButOne() throws IOException {
        List<CustomerRecord> clients = read("whmcs-reseller-clients.csv", CustomerRecord.class);
        Set<String> resellers = clients.stream()
                .filter(CustomerRecord::reseller)
                .map(CustomerRecord::key)
                .collect(Collectors.toSet());
        assertThat(resellers).containsExactlyInAnyOrder("rc-501", "rc-502");
        assertThat(clients)
                .filteredOn(CustomerRecord::reseller)
                .allSatisfy(r -> assertThat(r.ownerKey()).as(r.key()).isNull());
        List<CustomerRecord> customers =
                clients.stream().filter(c -> !c.reseller()).toList();
        assertThat(customers).isNotEmpty().allSatisfy(c -> {
            assertThat(c.roleId()).as(c.key()).isEqualTo(3);
            assertThat(resellers).as(c.key()).contains(c.ownerKey());
        });

        Map<String, SubscriptionRecord> services =
                read("whmcs-reseller-services.csv", SubscriptionRecord.class).stream()
                        .collect(Collectors.toMap(SubscriptionRecord::key, Function.identity()));
        List<PlanRecord> plans = read("whmcs-reseller-products.csv", PlanRecord.class);
        assertThat(plans).isNotEmpty().allSatisfy(plan -> {
            assertThat(resellers).as(plan.key()).contains(plan.ownerKey());
            assertThat(services).as(plan.key()).containsKey(plan.spaceKey());
            assertThat(services.get(plan.spaceKey()).customerKey())
                    .as(plan.key() + " placed in a space of its owner")
                    .isEqualTo(plan.ownerKey());
            assertThat(plan.quotas()).as(plan.key()).isNotEmpty();
        });

        Map<String, String> ownerOf =
                customers.stream().collect(Collectors.toMap(CustomerRecord::key, CustomerRecord::ownerKey));
        Map<String, Set<String>> plansOf = plans.stream()
                .collect(Collectors.groupingBy(
                        PlanRecord::ownerKey, Collectors.mapping(PlanRecord::name, Collectors.toSet())));
        List<SubscriptionRecord> customersServices = services.values().stream()
                .filter(s -> !resellers.contains(s.customerKey()))
                .toList();
        assertThat(customersServices).allSatisfy(s -> assertThat(ownerOf).containsKey(s.customerKey()));
        // rc-s819: a client of Aurora on the administrator's Starter, which the server would take (the space under
        // System, outside Aurora's limits) and es-bridge refuses: PLAN_NOT_OWNERS
        assertThat(customersServices)
                .filteredOn(s -> !plansOf.get(ownerOf.get(s.customerKey())).contains(s.planName()))
                .extracting(SubscriptionRecord::key)
                .containsExactly("rc-s819");
        // the resellers' own spaces are on an administrator's plan
        assertThat(services.values())
                .filteredOn(s -> resellers.contains(s.customerKey()))
                .extracting(SubscriptionRecord::planName)
                .containsOnly("Reseller 50");
    }

    private static RecordMapper mapper(String file) {
        FeedMapper mapper = SampleMappings.registry().forFileName(file).orElseThrow();
        assertThat(mapper).as(file).isInstanceOf(RecordMapper.class);
        return (RecordMapper) mapper;
    }

    /** Every row of the file mapped; a refused row fails the test, naming the file, the row and the reason. */
    private static <T> List<T> read(String file, Class<T> type) throws IOException {
        RecordMapper mapper = mapper(file);
        List<T> records = new ArrayList<>();
        try (InputStream in = Files.newInputStream(FEEDS.resolve(file));
                CsvFeedRows rows = new CsvFeedRows(in, StandardCharsets.UTF_8, null, file, mapper.requiredColumn())) {
            rows.forEachRemaining(row -> {
                try {
                    records.add(type.cast(mapper.map(row.values())));
                } catch (FieldRejection e) {
                    throw new AssertionError(file + " " + row.source() + ": " + e.getMessage(), e);
                }
            });
        }
        assertThat(records).as(file).isNotEmpty();
        return records;
    }
}
