package io.esbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.esbridge.catalogue.QuotaCatalogue;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserStatus;
import io.esbridge.feed.read.FeedFormat;
import io.esbridge.feed.read.FeedRows;
import io.esbridge.feed.read.JsonFeedRows;
import io.esbridge.feed.read.KeyValueFeedRows;
import io.esbridge.feed.read.SourcedRow;
import io.esbridge.feed.read.XmlFeedRows;
import io.esbridge.mapping.FieldRejection;
import io.esbridge.mapping.RecordMapper;
import io.esbridge.mapping.SampleMappings;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.PlanRecord;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.SourceRef;
import io.esbridge.record.SubscriptionRecord;

/**
 * The panel samples of samples/migrations read by the reader their extension picks and mapped by the mapping their
 * name picks (config/mappings), as an import does: every row read, the fields each mapping sets, the rows refused.
 */
class MigrationSamplesTest {

    private static final Path SAMPLES = Path.of("samples/migrations");

    /** What one sample file became: the records by key, and the rejections as "source: field reason". */
    private record Mapped(Map<String, ProvisioningRecord> records, List<String> rejected) {
        @SuppressWarnings("unchecked")
        <T> T get(String key) {
            assertThat(records).containsKey(key);
            return (T) records.get(key);
        }
    }

    private static Mapped map(String file) throws IOException {
        Path path = SAMPLES.resolve(file);
        String name = path.getFileName().toString();
        RecordMapper mapper =
                (RecordMapper) SampleMappings.registry().forFileName(name).orElseThrow();
        String records = mapper.records().orElse(null);
        Map<String, ProvisioningRecord> mapped = new LinkedHashMap<>();
        List<String> rejected = new ArrayList<>();
        try (InputStream in = Files.newInputStream(path);
                FeedRows rows =
                        switch (FeedFormat.of(name)) {
                            case XML -> new XmlFeedRows(in, null, name, records);
                            case JSON -> new JsonFeedRows(
                                    in,
                                    StandardCharsets.UTF_8,
                                    name,
                                    (line, i) -> SourceRef.fileLine(name, line),
                                    records);
                            default -> new KeyValueFeedRows(in, StandardCharsets.UTF_8, name, records);
                        }) {
            while (rows.hasNext()) {
                SourcedRow row = rows.next();
                assertThat(row.problem()).as(row.source().toString()).isNull();
                try {
                    ProvisioningRecord record = mapper.map(row.values());
                    mapped.put(record.key(), record);
                } catch (FieldRejection e) {
                    rejected.add(row.source() + ": " + e.field() + " " + e.reason());
                }
            }
        }
        return new Mapped(mapped, rejected);
    }

    private static int quota(PlanRecord plan, String name) {
        int id = QuotaCatalogue.get().quotaId(name);
        return plan.quotas().stream()
                .filter(q -> q.quotaId() == id)
                .findFirst()
                .orElseThrow(() -> new AssertionError(plan.name() + " has no quota " + name))
                .value();
    }

    private static int spaceQuota(SubscriptionRecord space, String name) {
        Integer value = space.quotas().get(QuotaCatalogue.get().quotaId(name));
        assertThat(value).as(space.key() + " quota " + name).isNotNull();
        return value;
    }

    @Test
    void pleskServicePlansWithLimitsByNameInBytesAndAResellersPlan() throws IOException {
        Mapped plans = map("plesk/plesk-1-service-plan.xml");

        assertThat(plans.rejected()).isEmpty();
        assertThat(plans.records()).hasSize(3);
        PlanRecord basic = plans.get("plesk-plan-6d6a7a29-0b59-4a1e-9d62-0c5f3b1a0001");
        assertThat(basic.name()).isEqualTo("Plesk Basic");
        assertThat(basic.ownerKey()).isNull();
        assertThat(quota(basic, "Disk space, MB")).isEqualTo(1024);
        assertThat(quota(basic, "Bandwidth, MB")).isEqualTo(10240);
        assertThat(quota(basic, "Web Sites")).isEqualTo(1);
        assertThat(quota(basic, "Mail Accounts")).isEqualTo(10);
        assertThat(quota(basic, "Mail / Max Mailbox Size")).isEqualTo(500);
        assertThat(quota(basic, "MySQL5 / Databases")).isEqualTo(2);
        PlanRecord unlimited = plans.get("plesk-plan-6d6a7a29-0b59-4a1e-9d62-0c5f3b1a0002");
        assertThat(quota(unlimited, "Disk space, MB")).isEqualTo(-1);
        assertThat(quota(unlimited, "Mail Accounts")).isEqualTo(-1);
        PlanRecord resellers = plans.get("plesk-plan-6d6a7a29-0b59-4a1e-9d62-0c5f3b1a0007");
        assertThat(resellers.ownerKey()).isEqualTo("plesk-webhost");
        assertThat(quota(resellers, "Disk space, MB")).isEqualTo(512);
    }

    @Test
    void pleskResellerAndCustomersWithStatusesAndOwners() throws IOException {
        Mapped resellers = map("plesk/plesk-2-reseller.xml");
        assertThat(resellers.rejected()).isEmpty();
        CustomerRecord rita = resellers.get("plesk-webhost");
        assertThat(rita.reseller()).isTrue();
        assertThat(rita.ownerId()).isEqualTo(1);
        assertThat(rita.ownerKey()).isNull();
        assertThat(rita.firstName()).isEqualTo("Rita");
        assertThat(rita.lastName()).isEqualTo("Webb");
        assertThat(rita.companyName()).isEqualTo("Webhost Partners Ltd");
        assertThat(rita.zip()).isEqualTo("BS1 4AA");
        assertThat(rita.fax()).isNull();

        Mapped customers = map("plesk/plesk-3-customer.xml");
        assertThat(customers.records()).containsOnlyKeys("plesk-annlee", "plesk-bobstone", "plesk-caracole");
        CustomerRecord ann = customers.get("plesk-annlee");
        assertThat(ann.username()).isEqualTo("annlee");
        assertThat(ann.email()).isEqualTo("ann@leebakery.example");
        assertThat(ann.status()).isEqualTo(UserStatus.ACTIVE);
        assertThat(ann.ownerId()).isEqualTo(1);
        assertThat(ann.ownerKey()).isNull();
        assertThat(ann.reseller()).isFalse();
        assertThat(((CustomerRecord) customers.get("plesk-bobstone")).status()).isEqualTo(UserStatus.SUSPENDED);
        CustomerRecord cara = customers.get("plesk-caracole");
        assertThat(cara.ownerKey()).isEqualTo("plesk-webhost");
        assertThat(cara.ownerId()).isZero();
        // Plesk's error result for a filter that found no one: refused on its own, saying why
        assertThat(customers.rejected())
                .singleElement()
                .asString()
                .startsWith("plesk-3-customer.xml line 87: Username is required");
    }

    @Test
    void pleskWebspacesNameTheirPlanByGuid() throws IOException {
        Mapped spaces = map("plesk/plesk-4-webspace.xml");
        assertThat(spaces.rejected()).isEmpty();
        SubscriptionRecord lee = spaces.get("plesk-space-11");
        assertThat(lee.customerKey()).isEqualTo("plesk-annlee");
        assertThat(lee.planName()).isEqualTo("Plesk Basic");
        assertThat(lee.packageName()).isEqualTo("leebakery.example");
        assertThat(lee.status()).isEqualTo(PackageStatus.ACTIVE);
        assertThat(lee.purchaseDate()).hasToString("2020-05-02T00:00");
        SubscriptionRecord stone = spaces.get("plesk-space-12");
        assertThat(stone.planName()).isEqualTo("Plesk Unlimited");
        assertThat(stone.status()).isEqualTo(PackageStatus.SUSPENDED);
        // the subscriptions' limits, bytes and -1, onto the space's quotas by catalogue name in their units
        assertThat(spaceQuota(lee, "Disk space, MB"))
                .as("unlocked from its plan's 1 GB")
                .isEqualTo(2048);
        assertThat(spaceQuota(lee, "Bandwidth, MB")).isEqualTo(10240);
        assertThat(spaceQuota(lee, "Web Sites")).isEqualTo(1);
        assertThat(spaceQuota(lee, "Mail Accounts")).isEqualTo(10);
        assertThat(spaceQuota(lee, "Mail / Max Mailbox Size")).isEqualTo(500);
        assertThat(spaceQuota(lee, "MySQL5 / Databases")).isEqualTo(2);
        assertThat(spaceQuota(stone, "Disk space, MB")).isEqualTo(-1);
        assertThat(stone.quotas()).hasSize(6);
        SubscriptionRecord reseller = spaces.get("plesk-space-10");
        assertThat(reseller.customerKey()).isEqualTo("plesk-webhost");
        SubscriptionRecord cara = spaces.get("plesk-space-13");
        assertThat(cara.planName()).isEqualTo("Webhost Small");
        assertThat(spaceQuota(cara, "Disk space, MB")).isEqualTo(512);
    }

    @Test
    void pleskMigratorsHostingDescriptionCarriesPasswords() throws IOException {
        Mapped customers = map("plesk/migrator/plesk-migrator-hosting.json");
        assertThat(customers.rejected()).isEmpty();
        CustomerRecord dan = customers.get("plesk-dandale");
        assertThat(dan.password()).isEqualTo("Migr-Pw-dandale-2");
        assertThat(dan.firstName()).isEqualTo("Dan");
        assertThat(dan.lastName()).isEqualTo("Dale");
        assertThat(dan.email()).isEqualTo("dan@dale.example");
    }

    @Test
    void cpanelPackagesAndAccounts() throws IOException {
        Mapped plans = map("cpanel/cpanel-1-listpkgs.json");
        assertThat(plans.rejected()).isEmpty();
        PlanRecord basic = plans.get("cpanel-pkg-Basic");
        assertThat(basic.ownerKey()).isNull();
        assertThat(quota(basic, "Disk space, MB")).isEqualTo(1024);
        assertThat(quota(basic, "FTP Accounts")).isEqualTo(2);
        assertThat(quota(basic, "Domain Pointers")).isEqualTo(2);
        PlanRecord business = plans.get("cpanel-pkg-Business");
        assertThat(quota(business, "Disk space, MB")).isEqualTo(-1);
        assertThat(quota(business, "Sub-Domains")).isEqualTo(-1);
        assertThat(((PlanRecord) plans.get("cpanel-pkg-webhost_Small")).ownerKey())
                .isEqualTo("cpanel-webhost");

        Mapped accounts = map("cpanel/cpanel-2-listaccts.json");
        assertThat(accounts.rejected()).isEmpty();
        assertThat(accounts.records()).hasSize(4);
        CustomerRecord webhost = accounts.get("cpanel-webhost");
        assertThat(webhost.reseller()).isTrue();
        assertThat(webhost.ownerId()).isEqualTo(1);
        CustomerRecord bob = accounts.get("cpanel-bobstone");
        assertThat(bob.status()).isEqualTo(UserStatus.SUSPENDED);
        assertThat(bob.reseller()).isFalse();
        assertThat(bob.firstName()).isEqualTo("bobstone");
        assertThat(bob.lastName()).isEqualTo("stone.example");
        CustomerRecord cara = accounts.get("cpanel-caracole");
        assertThat(cara.ownerKey()).isEqualTo("cpanel-webhost");
        assertThat(cara.ownerId()).isZero();
        assertThat(cara.status()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void directAdminPackagesAndUsersFromArchivesAndOneFile() throws IOException {
        Mapped plans = map("directadmin/directadmin-1-packages.tar.gz");
        assertThat(plans.rejected()).isEmpty();
        assertThat(plans.records().values())
                .extracting(p -> ((PlanRecord) p).name())
                .containsExactly("basic", "business", "small");
        PlanRecord business = plans.get("da-pkg-admin/packages/business.pkg");
        assertThat(business.ownerKey()).isNull();
        assertThat(quota(business, "Disk space, MB")).isEqualTo(-1);
        assertThat(quota(business, "MySQL5 / Databases")).isEqualTo(20);
        PlanRecord small = plans.get("da-pkg-users/webhost/packages/small.pkg");
        assertThat(small.ownerKey()).isEqualTo("da-webhost");
        assertThat(quota(small, "Bandwidth, MB")).isEqualTo(5120);

        Mapped users = map("directadmin/directadmin-2-users.tar.gz");
        assertThat(users.rejected()).isEmpty();
        // domains.list is in the archive, but no record
        assertThat(users.records()).containsOnlyKeys("da-webhost", "da-annlee", "da-bobstone", "da-caracole");
        assertThat(((CustomerRecord) users.get("da-webhost")).reseller()).isTrue();
        assertThat(((CustomerRecord) users.get("da-bobstone")).status()).isEqualTo(UserStatus.SUSPENDED);
        CustomerRecord cara = users.get("da-caracole");
        assertThat(cara.ownerKey()).isEqualTo("da-webhost");
        assertThat(cara.ownerId()).isZero();
        CustomerRecord ann = users.get("da-annlee");
        assertThat(ann.ownerKey()).isNull();
        assertThat(ann.ownerId()).isEqualTo(1);
        assertThat(ann.status()).isEqualTo(UserStatus.ACTIVE);

        Mapped one = map("directadmin/directadmin-2-users-dandale.conf");
        assertThat(one.records()).containsOnlyKeys("da-dandale");
        assertThat(((CustomerRecord) one.get("da-dandale")).email()).isEqualTo("dan@dale.example");
    }

    @Test
    void anAdministratorsUserConfIsRefusedSayingWhy() {
        RecordMapper users = (RecordMapper) SampleMappings.registry()
                .forFileName("directadmin-2-users.tar.gz")
                .orElseThrow();
        Map<String, String> admin = Map.ofEntries(
                entry("username", "admin"),
                entry("usertype", "admin"),
                entry("creator", "root"),
                entry("email", "admin@example.com"),
                entry("domain", "example.com"),
                entry("suspended", "no"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> users.map(admin))
                .isInstanceOfSatisfying(
                        FieldRejection.class, r -> assertThat(r.field()).isEqualTo("RoleId"))
                .hasMessage("is not a known value (known: reseller, user)");
    }
}
