package io.esbridge.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.datatype.DatatypeFactory;
import javax.xml.datatype.XMLGregorianCalendar;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.EsBridgeApplication;
import io.esbridge.cli.InProcessCommand;
import io.esbridge.cli.InProcessCommand.Run;
import io.esbridge.client.Brand;
import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsServerProperties;
import io.esbridge.contract.ArrayOfHostingPlanQuotaInfo;
import io.esbridge.contract.HostingPlanInfo;
import io.esbridge.contract.HostingPlanQuotaInfo;
import io.esbridge.contract.PackageAddonInfo;
import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.PackageStatus;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;
import io.esbridge.sandbox.SandboxStats;

/**
 * Two sandboxes: the source, a second es-bridge application in this JVM playing WebsitePanel, filled with a small tree
 * through its API; the target, this test's application playing SolidCP. A migration brings over the users with their
 * owners, their spaces and the add-on; a second one writes nothing on the target.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.server.brand=solidcp",
            "es.sandbox.brand=solidcp",
            "es.sandbox.enabled=true",
            "es.server.url=",
            "es.sandbox.datasource-url=jdbc:h2:mem:migrate-target;DB_CLOSE_DELAY=-1",
            "spring.datasource.url=jdbc:h2:mem:migrate-target-state;DB_CLOSE_DELAY=-1",
            "es.state.secret-key-file=target/migrate-test/secret.key"
        })
class MigrateBetweenSandboxesTest {

    private static ConfigurableApplicationContext sourceApp;
    private static EnterpriseServerClient source;
    private static String sourceUrl;

    @Autowired
    Migration migration;

    @Autowired
    EnterpriseServerClient target;

    @Autowired
    SandboxStats targetStats;

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Autowired
    io.esbridge.state.SecretKeeper secrets;

    @BeforeAll
    static void startSource() {
        sourceApp = new SpringApplicationBuilder(EsBridgeApplication.class)
                .run(
                        "--server.port=0",
                        "--es.sandbox.enabled=true",
                        "--es.sandbox.brand=websitepanel",
                        "--es.server.brand=websitepanel",
                        "--es.sandbox.datasource-url=jdbc:h2:mem:migrate-source;DB_CLOSE_DELAY=-1",
                        "--spring.datasource.url=jdbc:h2:mem:migrate-source-state;DB_CLOSE_DELAY=-1",
                        "--es.state.secret-key-file=target/migrate-test/source-secret.key",
                        "--es.sync.schedule-enabled=false",
                        "--camel.main.routes-include-pattern=classpath:es-bridge-one-shot-has-no-routes/*");
        sourceUrl = "http://localhost:" + sourceApp.getEnvironment().getProperty("local.server.port") + "/";
        source = EnterpriseServerClient.create(new EsServerProperties(
                sourceUrl,
                "serveradmin",
                "serveradmin",
                Brand.WEBSITEPANEL,
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(30),
                4,
                null,
                null,
                "PKCS12"));
    }

    @AfterAll
    static void stopSource() {
        if (sourceApp != null) {
            sourceApp.close();
        }
    }

    @Test
    void aResellerTreeIsMigratedOnceAndASecondRunWritesNothing() {
        int adminPlan = source.addHostingPlan(plan("Mig Basic", 1, 0, false, Map.of(52, 500)));
        int addonPlan = source.addHostingPlan(plan("Mig Extra", 1, 0, true, Map.of(52, 100)));
        int reseller = source.addUser(user("migreseller", 1, UserRole.RESELLER), "Res-Pass-1a", false, List.of());
        int resellerSpace = space(reseller, adminPlan, "reseller space");
        int resellerPlan = source.addHostingPlan(plan("Mig Reseller Gold", reseller, resellerSpace, false, Map.of()));
        int first = source.addUser(user("migcust1", reseller, UserRole.USER), "Cust-Pass-1a", false, List.of());
        int second = source.addUser(user("migcust2", reseller, UserRole.USER), "Cust-Pass-2b", false, List.of());
        int direct = source.addUser(user("migdirect", 1, UserRole.USER), "Direct-Pass-3c", false, List.of());
        space(first, resellerPlan, "first space");
        space(second, resellerPlan, "second space");
        int directSpace = space(direct, adminPlan, "direct space");
        PackageAddonInfo addon = new PackageAddonInfo();
        addon.setPackageId(directSpace);
        addon.setPlanId(addonPlan);
        addon.setQuantity(2);
        addon.setStatusId(1);
        addon.setPurchaseDate(now());
        addon.setComments("migrated add-on");
        source.addPackageAddon(addon);
        // the direct customer's space has limits of its own: 2,000 of quota 52 where its plan gives 500
        PackageInfo overriding = source.getPackage(directSpace).orElseThrow();
        overriding.setOverrideQuotas(true);
        overriding.setQuotas(plan("unused", 1, 0, false, Map.of(52, 2000)).getQuotas());
        source.updatePackage(overriding);

        MigrationSource from = new MigrationSource(sourceUrl, Brand.WEBSITEPANEL, "serveradmin", "serveradmin", "old");
        MigrationReport report = migration.migrate(from, PlanMap.none());

        assertThat(report.clean()).as(report.toString()).isTrue();
        // WebsitePanel gives the passwords of descendants back: none had to be generated
        assertThat(report.generatedPasswords()).isEmpty();
        UserInfo targetReseller = target.getUserByUsername("migreseller").orElseThrow();
        assertThat(targetReseller.getRoleId()).isEqualTo(2);
        assertThat(targetReseller.getOwnerId()).isEqualTo(1);
        for (String customer : List.of("migcust1", "migcust2")) {
            UserInfo user = target.getUserByUsername(customer).orElseThrow();
            assertThat(user.getOwnerId()).as(customer).isEqualTo(targetReseller.getUserId());
            assertThat(target.getMyPackages(user.getUserId()))
                    .extracting(PackageInfo::getPackageName)
                    .as(customer)
                    .hasSize(1);
        }
        UserInfo targetDirect = target.getUserByUsername("migdirect").orElseThrow();
        assertThat(targetDirect.getOwnerId()).isEqualTo(1);
        List<PackageInfo> directSpaces = target.getMyPackages(targetDirect.getUserId());
        assertThat(directSpaces).extracting(PackageInfo::getPackageName).containsExactly("direct space");
        assertThat(target.getPackageAddons(directSpaces.get(0).getPackageId()))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("PlanName")).isEqualTo("Mig Extra");
                    assertThat(row.get("Quantity")).isEqualTo("2");
                });
        // its own limit came over, without the add-on's 2 × 100 counted in it twice
        assertThat(target.getPackage(directSpaces.get(0).getPackageId())
                        .orElseThrow()
                        .isOverrideQuotas())
                .isTrue();
        assertThat(target.getPackageQuotas(directSpaces.get(0).getPackageId()).table("Table1"))
                .filteredOn(row -> "52".equals(row.get("QuotaID")))
                .singleElement()
                .satisfies(row -> assertThat(row.get("QuotaValue")).isEqualTo("2200"));
        // the reseller's plan sits in the reseller's own space on the target
        int targetResellerSpace =
                target.getMyPackages(targetReseller.getUserId()).get(0).getPackageId();
        assertThat(target.getHostingPlans(targetReseller.getUserId()))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row.get("PlanName")).isEqualTo("Mig Reseller Gold");
                    assertThat(row.get("PackageID")).isEqualTo(String.valueOf(targetResellerSpace));
                });

        targetStats.reset();
        MigrationReport again = migration.migrate(from, PlanMap.none());

        assertThat(again.clean()).as(again.toString()).isTrue();
        assertThat(targetStats.snapshot().operations().keySet())
                .as("calls on the target during the second migration")
                .noneMatch(op -> op.startsWith("Add")
                        || op.startsWith("Update")
                        || op.startsWith("Delete")
                        || op.startsWith("Change"));
        assertThat(again.stages()).allSatisfy(stage -> assertThat(
                        stage.report().created() + stage.report().updated())
                .as(stage.stage())
                .isZero());
    }

    /**
     * The source stops answering GetPackageAddons (after the users and their spaces were read): the read ends with
     * the source's error, and what it read is kept, sealed. Run again once the source answers, only the reads not yet
     * answered are asked: no GetUsers, GetUserById or GetMyPackages a second time.
     */
    @Test
    void aReadTheSourceCutsOffResumesWhereItStopped() throws Exception {
        List<Integer> ids = new java.util.ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            int user =
                    source.addUser(user("resume" + i, 1, UserRole.USER), "Resume-Secret-" + i + "x", false, List.of());
            ids.add(user);
        }
        ReadJournal journal = new ReadJournal(jdbc, secrets, "resume-test");
        journal.clear();
        var quick = SourceReader.patientRetry(new MigrationReadProperties(2, Duration.ofMillis(10)));
        SandboxStats sourceStats = sourceApp.getBean(SandboxStats.class);
        sourceFaults("{\"failFirstCalls\": {\"GetMyPackages\": 1000}}");
        try {
            assertThatThrownBy(() -> new SourceReader(source, 4, journal, quick).read())
                    .isInstanceOf(io.esbridge.client.EsTransientException.class);
        } finally {
            sourceFaults("{}");
        }
        // the listing and every user read whole are kept; no password in clear in the store
        int kept = journal.waiting();
        assertThat(kept).isGreaterThanOrEqualTo(1 + ids.size());
        assertThat(jdbc.queryForList("select answer from es_migrate_read", String.class))
                .noneMatch(answer -> answer.contains("Resume-Secret") || answer.contains("resume1"));

        sourceStats.reset();
        ReadJournal again = new ReadJournal(jdbc, secrets, "resume-test");
        SourceSnapshot snapshot = new SourceReader(source, 4, again, quick).read();

        assertThat(again.kept()).isEqualTo(kept);
        assertThat(sourceStats.snapshot().operations().keySet())
                .as("calls on the source when the read resumed")
                .contains("GetMyPackages")
                .doesNotContain("GetUsers", "GetUserById");
        assertThat(snapshot.users())
                .filteredOn(u -> u.getUsername().startsWith("resume"))
                .hasSize(ids.size())
                .allSatisfy(u -> assertThat(u.getPassword()).startsWith("Resume-Secret-"));
        again.clear();
        assertThat(again.waiting()).isZero();
    }

    /**
     * The command line, as an operator runs it: {@code check --from-url} reads the source as the migration would and
     * writes nothing; a {@code migrate} whose source fails mid-read exits 2 with one sentence saying that a rerun goes
     * on; the rerun says it resumed and provisions everything.
     */
    @Test
    void theCommandsCheckASourceAndResumeAMigrationTheSourceCutOff(@org.junit.jupiter.api.io.TempDir Path folder)
            throws Exception {
        source.addUser(user("cmduser1", 1, UserRole.USER), "Cmd-Secret-1a", false, List.of());
        List<String> from =
                List.of("--from-url", sourceUrl, "--source-name", "old", "--es.migrate.source.password=serveradmin");

        targetStats.reset();
        Run checked = command(folder, "check", from, "--json");
        assertThat(checked.exit()).as(checked.stdout() + checked.stderr()).isIn(0, 1);
        assertThat(checked.json()).contains("\"CUSTOMER\":").contains("source server old");
        assertThat(targetStats.snapshot().operations().keySet())
                .as("calls on the target during the check")
                .noneMatch(op -> op.startsWith("Add") || op.startsWith("Update") || op.startsWith("Change"));
        assertThat(checked.stdout() + checked.stderr()).doesNotContain("Cmd-Secret");

        sourceFaults("{\"failFirstCalls\": {\"GetMyPackages\": 100000}}");
        Run cut;
        try {
            cut = command(folder, "migrate", from, "--es.migrate.read.attempts=1");
        } finally {
            sourceFaults("{}");
        }
        assertThat(cut.exit()).as(cut.stdout() + cut.stderr()).isEqualTo(2);
        // the users were provisioned while the spaces were being read, and the message says so
        assertThat(cut.stderr())
                .contains("the users were provisioned")
                .contains("answers read so far are kept: run the same migrate again");
        assertThat(target.getUserByUsername("cmduser1")).isPresent();

        Run resumed = command(folder, "migrate", from);
        assertThat(resumed.exit()).as(resumed.stdout() + resumed.stderr()).isZero();
        assertThat(resumed.stdout()).contains("source read resumed: ");
        assertThat(target.getUserByUsername("cmduser1")).isPresent();
        assertThat(resumed.stdout() + resumed.stderr()).doesNotContain("Cmd-Secret");
    }

    private Run command(Path folder, String command, List<String> from, String... more) {
        List<String> args = new java.util.ArrayList<>();
        args.add(command);
        args.addAll(from);
        args.addAll(List.of(more));
        return InProcessCommand.run(args, port, "jdbc:h2:mem:migrate-target-state;DB_CLOSE_DELAY=-1", folder);
    }

    /** A source answering 503 now and then is asked again: the read is whole, nothing fails. */
    @Test
    void aSourceThatFailsNowAndThenIsReadWhole() throws Exception {
        source.addUser(user("flaky1", 1, UserRole.USER), "Flaky-Pass-1a", false, List.of());
        ReadJournal journal = new ReadJournal(jdbc, secrets, "flaky-test");
        journal.clear();
        SandboxStats sourceStats = sourceApp.getBean(SandboxStats.class);
        sourceStats.reset();
        sourceFaults("{\"failFirstCalls\": {\"GetUserById\": 3, \"GetHostingPlans\": 1}}");
        SourceSnapshot snapshot;
        try {
            snapshot = new SourceReader(
                            source,
                            4,
                            journal,
                            SourceReader.patientRetry(new MigrationReadProperties(4, Duration.ofMillis(10))))
                    .read();
        } finally {
            sourceFaults("{}");
        }
        assertThat(snapshot.users()).extracting(UserInfo::getUsername).contains("flaky1");
        assertThat(snapshot.users())
                .filteredOn(u -> u.getUsername().equals("flaky1"))
                .singleElement()
                .satisfies(u -> assertThat(u.getPassword()).isEqualTo("Flaky-Pass-1a"));
        // every user read whole once, plus the three answered 503
        assertThat(sourceStats.calls("GetUserById")).isEqualTo(snapshot.users().size() + 3L);
        journal.clear();
    }

    private static void sourceFaults(String json) throws Exception {
        java.net.http.HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(sourceUrl + "sandbox/faults"))
                                .header("Content-Type", "application/json")
                                .header(
                                        "Authorization",
                                        "Basic "
                                                + java.util.Base64.getEncoder()
                                                        .encodeToString("serveradmin:serveradmin".getBytes()))
                                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isLessThan(300);
    }

    private static UserInfo user(String username, int ownerId, UserRole role) {
        UserInfo user = new UserInfo();
        user.setUsername(username);
        user.setOwnerId(ownerId);
        user.setRoleId(role.ordinal() + 1);
        user.setRole(role);
        user.setStatusId(1);
        user.setStatus(UserStatus.ACTIVE);
        user.setFirstName("Mig");
        user.setLastName(username);
        user.setEmail(username + "@example.com");
        return user;
    }

    private static int space(int userId, int planId, String name) {
        return source.addPackage(userId, planId, name, null, PackageStatus.ACTIVE, now());
    }

    private static HostingPlanInfo plan(
            String name, int ownerId, int packageId, boolean addon, Map<Integer, Integer> quotas) {
        HostingPlanInfo plan = new HostingPlanInfo();
        plan.setPlanName(name);
        plan.setPlanDescription("made by the migration test");
        plan.setUserId(ownerId);
        plan.setPackageId(packageId);
        plan.setIsAddon(addon);
        plan.setAvailable(true);
        plan.setSetupPrice(BigDecimal.ZERO);
        plan.setRecurringPrice(new BigDecimal("4.50"));
        plan.setRecurrenceUnit(2);
        plan.setRecurrenceLength(1);
        ArrayOfHostingPlanQuotaInfo values = new ArrayOfHostingPlanQuotaInfo();
        quotas.forEach((id, value) -> {
            HostingPlanQuotaInfo quota = new HostingPlanQuotaInfo();
            quota.setQuotaId(id);
            quota.setQuotaValue(value);
            values.getHostingPlanQuotaInfo().add(quota);
        });
        plan.setQuotas(values);
        return plan;
    }

    private static XMLGregorianCalendar now() {
        try {
            return DatatypeFactory.newInstance().newXMLGregorianCalendar("2024-05-01T10:00:00");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
