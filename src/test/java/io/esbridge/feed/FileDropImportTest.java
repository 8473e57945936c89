package io.esbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.apache.camel.Exchange;
import org.apache.camel.component.mock.MockEndpoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.RejectedRecord;

/**
 * Files dropped in the inbox folders of routes/feeds-inbox.yaml, end to end: real files, real H2, the routes as
 * shipped; only the two endpoints consumed elsewhere (provision, rejected) are intercepted.
 */
@ExtendWith(OutputCaptureExtension.class)
class FileDropImportTest extends FeedRoutesTestSupport {

    @Test
    void importsTheSampleCustomersRejectingTheBadRowsWithFileLineFieldAndValue() throws IOException {
        Path dropped = drop("customers", Path.of("samples/feeds/customers.csv"), "customers.csv");
        awaitMoved(dropped, "done");

        assertThat(provision.getReceivedCounter() + rejected.getReceivedCounter())
                .isEqualTo(220);
        List<RejectedRecord> refused = bodies(rejected, RejectedRecord.class);
        assertThat(refused)
                .extracting(RejectedRecord::field)
                .containsExactlyInAnyOrder("Email", "Username", "LastName", "Status", "Username", "Email");
        // C0025 starts on line 27: the header, 24 rows before it, and one row before it spans two lines
        assertThat(refused)
                .filteredOn(r -> "C0025".equals(r.billingKey()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.describe()).startsWith("customers.csv line 27 (CUSTOMER C0025): Username 'web/admin'");
                    assertThat(r.raw().get("password")).isEqualTo("******");
                });
        RecordEnvelope first = bodies(provision, RecordEnvelope.class).get(0);
        assertThat(first.type()).isEqualTo(RecordType.CUSTOMER);
        assertThat(first.billingKey()).isEqualTo("C0001");
        assertThat(first.source().toString()).isEqualTo("customers.csv line 2");
        assertThat(((CustomerRecord) first.payload()).password()).isNotBlank();
        assertThat(first.raw().get("password")).isEqualTo("******");
        assertThat(first.runId()).isNotBlank();
        awaitRun(first.runId(), 220);

        // the same content again, under another name: not imported twice
        Path again = drop("customers", Path.of("samples/feeds/customers.csv"), "customers-copy.csv");
        awaitMoved(again, "done");
        assertThat(provision.getReceivedCounter() + rejected.getReceivedCounter())
                .isEqualTo(220);

        // unless the operator asks for it
        Path reimport = drop("customers", Path.of("samples/feeds/customers.csv"), "reimport-customers.csv");
        awaitMoved(reimport, "done");
        assertThat(provision.getReceivedCounter() + rejected.getReceivedCounter())
                .isEqualTo(440);
    }

    @Test
    void importsSubscriptionsAddonsAndPlansWithSemicolonTabAndCommaDelimiters() throws IOException {
        awaitMoved(drop("subscriptions", Path.of("samples/feeds/subscriptions.csv"), "subscriptions.csv"), "done");
        assertThat(bodies(rejected, RejectedRecord.class))
                .extracting(RejectedRecord::field)
                .contains("CustomerKey", "PlanName", "PurchaseDate", "Status");
        assertThat(provision.getReceivedCounter() + rejected.getReceivedCounter())
                .isEqualTo(lines("subscriptions.csv"));
        assertThat(bodies(provision, RecordEnvelope.class)).allMatch(e -> e.type() == RecordType.SUBSCRIPTION);

        MockEndpoint.resetMocks(provision.getCamelContext());
        awaitMoved(drop("addons", Path.of("samples/feeds/addons.csv"), "addons.csv"), "done");
        assertThat(bodies(rejected, RejectedRecord.class))
                .extracting(RejectedRecord::field)
                .contains("Quantity", "PlanName")
                .doesNotContain("CustomerKey");
        // an add-on that names only its subscription is provisioned in that subscription's customer's order
        assertThat(bodies(provision, RecordEnvelope.class))
                .filteredOn(e -> "A00002".equals(e.billingKey()))
                .singleElement()
                .satisfies(e -> assertThat(e.customerKey()).isNull());
        assertThat(provision.getReceivedCounter() + rejected.getReceivedCounter())
                .isEqualTo(lines("addons.csv"));

        MockEndpoint.resetMocks(provision.getCamelContext());
        awaitMoved(drop("plans", Path.of("samples/feeds/plans.csv"), "plans.csv"), "done");
        assertThat(provision.getReceivedCounter()).isEqualTo(5);
        assertThat(bodies(rejected, RejectedRecord.class)).singleElement().satisfies(r -> assertThat(r.describe())
                .contains("Quotas 'Teleporters'"));
    }

    @Test
    void importsJsonArraysAndJsonLinesFromTheMixedInboxByFileName() throws IOException {
        Path array = write(
                "mixed",
                "customers-from-panel.json",
                """
                [
                  {"customer_id": "J1", "username": "ann", "password": "x1", "first_name": "Ann", "last_name": "Lee",
                   "email": "ann@example.com", "status": "active"},
                  {"customer_id": "J2", "username": "b/b", "password": "x2", "first_name": "Bob", "last_name": "Ray",
                   "email": "bob@example.com"}
                ]
                """);
        awaitMoved(array, "done");
        assertThat(provision.getReceivedCounter()).isEqualTo(1);
        assertThat(bodies(rejected, RejectedRecord.class)).singleElement().satisfies(r -> assertThat(r.describe())
                .isEqualTo("customers-from-panel.json line 4 (CUSTOMER J2): Username 'b/b' contains '/';"
                        + " the server refuses any of \\ / : * ? < > | \""));

        MockEndpoint.resetMocks(provision.getCamelContext());
        Path lines = write(
                "mixed",
                "subscriptions.jsonl",
                """
                {"service_id": "S1", "customer_id": "J1", "product": "starter", "start_date": "2024-01-01"}
                {"service_id": "S2", "product": "starter", "start_date": "2024-01-01"}
                """);
        awaitMoved(lines, "done");
        assertThat(provision.getReceivedCounter()).isEqualTo(1);
        assertThat(bodies(rejected, RejectedRecord.class)).singleElement().satisfies(r -> assertThat(r.describe())
                .startsWith("subscriptions.jsonl line 2 (SUBSCRIPTION S2)"));
    }

    @Test
    void importsAFileOfSeveralTypesWithTheTypeInAColumn() throws IOException {
        Path records = write(
                "mixed",
                "billing-records-2026.jsonl",
                """
                {"record_type": "customer", "customer_id": "M1", "username": "mia", "password": "pw", "first_name": "Mia", "last_name": "Wu", "email": "mia@example.com"}
                {"record_type": "subscription", "service_id": "MS1", "customer_id": "M1", "product": "business"}
                {"record_type": "addon", "addon_id": "MA1", "service_id": "MS1", "customer_id": "M1", "addon": "mail-50", "start_date": "2025-01-01"}
                {"record_type": "invoice", "invoice_id": "I1"}
                """);
        awaitMoved(records, "done");
        assertThat(bodies(provision, RecordEnvelope.class))
                .extracting(RecordEnvelope::type)
                .containsExactly(RecordType.CUSTOMER, RecordType.SUBSCRIPTION, RecordType.ADDON);
        assertThat(bodies(rejected, RejectedRecord.class)).singleElement().satisfies(r -> assertThat(r.describe())
                .isEqualTo("billing-records-2026.jsonl line 4: record_type 'invoice' names no record type of this"
                        + " feed (known: customer, subscription, addon)"));
    }

    @Test
    void importsTheWhmcsStyleExportsFromTheMixedInbox() throws IOException {
        awaitMoved(drop("mixed", Path.of("samples/feeds/whmcs-clients.csv"), "whmcs-clients.csv"), "done");
        assertThat(provision.getReceivedCounter()).isEqualTo(39);
        assertThat(bodies(rejected, RejectedRecord.class)).singleElement().satisfies(r -> assertThat(r.describe())
                .isEqualTo("whmcs-clients.csv line 6 (CUSTOMER whmcs-5): Email 'broken at example.com' is not an"
                        + " e-mail address"));
        assertThat(bodies(provision, RecordEnvelope.class).get(0).billingKey()).isEqualTo("whmcs-1");

        MockEndpoint.resetMocks(provision.getCamelContext());
        awaitMoved(drop("mixed", Path.of("samples/feeds/whmcs-services.csv"), "whmcs-services.csv"), "done");
        assertThat(provision.getReceivedCounter()).isEqualTo(lines("whmcs-services.csv") - 1);
        assertThat(bodies(rejected, RejectedRecord.class)).singleElement().satisfies(r -> assertThat(r.describe())
                .contains("PlanName 'Dedicated Server' is not a known value"));
        assertThat(bodies(provision, RecordEnvelope.class))
                .allSatisfy(e -> assertThat(e.customerKey()).startsWith("whmcs-"));
    }

    @Test
    void anUnreadableFileMovesToFailedWithANoteSayingWhy(CapturedOutput output) throws IOException {
        Path binary = INBOX.resolve("customers").resolve("customers-2.csv");
        Files.createDirectories(binary.getParent());
        Files.write(binary, new byte[] {(byte) 0xC3, 0x28, (byte) 0xFF, (byte) 0xFE, 0x00, 0x01, '\n'});
        Path failed = awaitMoved(binary, "failed");
        assertThat(Files.readString(failed.resolveSibling("customers-2.csv.error.txt")))
                .contains("customers-2.csv is not a text file: 2 of its first 7 bytes are control characters");

        // without a header row the first row is a customer's: the note says what is wrong, without its values
        Path headless = write("customers", "no-header.csv", "C1,ann,Pw-Inbox-Headless,Ann,Lee,ann@example.com\n");
        failed = awaitMoved(headless, "failed");
        assertThat(Files.readString(failed.resolveSibling("no-header.csv.error.txt")))
                .contains("no-header.csv has no header row with the column 'customer_id': its first row has 6"
                        + " fields, none of them named 'customer_id'")
                .doesNotContain("Pw-Inbox-Headless");
        assertThat(output.getAll()).contains("no-header.csv not imported").doesNotContain("Pw-Inbox-Headless");
        assertThat(provision.getReceivedCounter() + rejected.getReceivedCounter())
                .isZero();
    }

    @Test
    void aFileInTheMixedFolderWhoseNameStartsWithNoMappingMovesToFailedSayingSo() throws IOException {
        // the mixed inbox is the template's instance without a mapping: the file's name must choose one
        Path unnamed = write("mixed", "export-2026-11.csv", "customer_id,username\nC1,ann\n");
        Path failed = awaitMoved(unnamed, "failed");
        assertThat(Files.readString(failed.resolveSibling("export-2026-11.csv.error.txt")))
                .contains("export-2026-11.csv names no mapping")
                .contains("its name starts with no mapping's name");
        assertThat(provision.getReceivedCounter() + rejected.getReceivedCounter())
                .isZero();
    }

    @Test
    void aWindows1252FileIsDetectedReadAsSuchAndItsReportSaysSo(CapturedOutput output) throws IOException {
        Path latin = INBOX.resolve("customers").resolve("legacy-billing.csv");
        Files.createDirectories(latin.getParent());
        Files.write(
                latin,
                ("customer_id,username,password,first_name,last_name,email\n"
                                + "L1,renee,Pw-Inbox-Latin,Renée,Müller – GmbH,renee@example.com\n")
                        .getBytes(java.nio.charset.Charset.forName("windows-1252")));
        Path done = awaitMoved(latin, "done");

        assertThat(bodies(provision, RecordEnvelope.class)).singleElement().satisfies(e -> {
            assertThat(((CustomerRecord) e.payload()).firstName()).isEqualTo("Renée");
            assertThat(((CustomerRecord) e.payload()).lastName()).isEqualTo("Müller – GmbH");
        });
        Path report = done.resolveSibling(done.getFileName() + ".report.json");
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(report));
        assertThat(Files.readString(report))
                .contains("\"charset\" : \"windows-1252\"")
                .contains("(file legacy-billing.csv, windows-1252)")
                .doesNotContain("Pw-Inbox-Latin");
        assertThat(output.getAll()).doesNotContain("Pw-Inbox-Latin");
    }

    @Test
    void aFileStillBeingWrittenIsNotReadUntilItStopsChanging() throws Exception {
        Path growing = INBOX.resolve("customers").resolve("slowly-written.csv");
        Files.createDirectories(growing.getParent());
        try (var out = Files.newBufferedWriter(growing, StandardCharsets.UTF_8)) {
            out.write("customer_id,username,password,first_name,last_name,email\n");
            for (int i = 1; i <= 20; i++) {
                out.write("W" + i + ",w" + i + ",pw,Ann,Lee,w" + i + "@example.com\n");
                out.flush();
                // far below the read lock's 1 s check: only a writer stalled 30 times longer than this could be read
                // half-written (the lock cannot know of a write that has not happened yet)
                Thread.sleep(30);
            }
        }
        awaitMoved(growing, "done");
        assertThat(provision.getReceivedCounter()).isEqualTo(20);
        assertThat(bodies(provision, RecordEnvelope.class))
                .extracting(RecordEnvelope::runId)
                .containsOnly(bodies(provision, RecordEnvelope.class).get(0).runId());
    }

    private static Path drop(String folder, Path sample, String name) throws IOException {
        Path target = INBOX.resolve(folder).resolve(name);
        Files.createDirectories(target.getParent());
        // written beside and renamed in, as a careful operator would; the read lock covers the careless ones
        Path temp = Files.copy(sample, INBOX.resolve(name + ".part"));
        return Files.move(temp, target);
    }

    private static Path write(String folder, String name, String content) throws IOException {
        Path target = INBOX.resolve(folder).resolve(name);
        Files.createDirectories(target.getParent());
        return Files.writeString(target, content, StandardCharsets.UTF_8);
    }

    /** Waits until the file left the inbox for done/ or failed/ and answers where it is now. */
    private static Path awaitMoved(Path file, String folder) {
        Path moved = file.resolveSibling(folder);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !Files.exists(file)
                        && Files.isDirectory(moved)
                        && list(moved).anyMatch(p -> p.getFileName()
                                .toString()
                                .endsWith(file.getFileName().toString())));
        return list(moved)
                .filter(p ->
                        p.getFileName().toString().endsWith(file.getFileName().toString()))
                .findFirst()
                .orElseThrow();
    }

    private void awaitRun(String runId, long records) {
        await().atMost(Duration.ofSeconds(10)).until(() -> Long.valueOf(records)
                .equals(jdbc.queryForObject("select records_in from es_run where run_id = ?", Long.class, runId)));
    }

    private static Stream<Path> list(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList().stream();
        } catch (IOException e) {
            return Stream.empty();
        }
    }

    private static long lines(String sample) throws IOException {
        try (Stream<String> lines = Files.lines(Path.of("samples/feeds", sample))) {
            return lines.count() - 1;
        }
    }

    private static <T> List<T> bodies(MockEndpoint mock, Class<T> type) {
        return mock.getReceivedExchanges().stream()
                .map(Exchange::getIn)
                .map(m -> m.getBody(type))
                .toList();
    }
}
