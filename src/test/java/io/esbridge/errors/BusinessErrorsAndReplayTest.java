package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.deadletter.DeadLetter;
import io.esbridge.deadletter.ReplayService;
import io.esbridge.feed.output.RejectsCsv;
import io.esbridge.feed.output.RunFiles;
import io.esbridge.run.RunReport;

/**
 * Business answers and bad input land in the dead-letter store and in the rejects file beside the processed file, with
 * the right code and name; a replay after fixing the data succeeds and resolves the dead letter; a fixed rejects file
 * imports; a customer whose password was not kept says so on replay.
 */
class BusinessErrorsAndReplayTest extends ErrorChannelTestSupport {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void aTakenUsernameAndABadRowAreDeadLetteredAndInTheRejectsFileAndAReplayAfterTheFixSucceeds() throws Exception {
        String prefix = unique("biz");
        int strangerA = stranger(prefix + "u2");
        stranger(prefix + "u3");
        Path file = write(
                "customers-" + prefix + ".csv",
                CUSTOMERS_HEADER + ",phone",
                List.of(
                        customerRow(prefix + "-C1", prefix + "u1", password(prefix, 1)) + ",=1+2",
                        customerRow(prefix + "-C2", prefix + "u2", password(prefix, 2)) + ",+1 555 0100",
                        customerRow(prefix + "-C3", prefix + "u3", password(prefix, 3)) + ",@SUM(A1)",
                        prefix + "-C4," + prefix + "u4," + password(prefix, 4) + ",Ann,Lee,not-an-email,active,-2+3"));
        // the state store keeps microseconds at most
        Instant importStarted = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        RunReport report = importFile(file);
        Instant importEnded = Instant.now();

        assertThat(report.in()).isEqualTo(4);
        assertThat(report.created()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(report.errors()).containsEntry("USERNAME_TAKEN", 2L).containsEntry("Email", 1L);
        List<DeadLetter> letters = deadLetters.openOfRun(report.runId());
        assertThat(letters)
                .extracting(DeadLetter::billingKey)
                .containsExactlyInAnyOrder(prefix + "-C2", prefix + "-C3", prefix + "-C4");
        assertThat(letters)
                .filteredOn(d -> d.billingKey().equals(prefix + "-C2"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.errorName()).isEqualTo("USERNAME_TAKEN");
                    assertThat(d.message()).contains(prefix + "u2").contains("taken");
                    assertThat(d.source()).isEqualTo(file.getFileName() + " line 3");
                    assertThat(d.recordType()).isEqualTo("CUSTOMER");
                    assertThat(d.attempts()).isEqualTo(1);
                    assertThat(d.firstFailedAt()).isBetween(importStarted, importEnded);
                    assertThat(d.lastFailedAt()).as("failed once so far").isEqualTo(d.firstFailedAt());
                    assertThat(d.hasSecret()).isTrue();
                    assertThat(d.envelopeJson()).contains("******").doesNotContain(password(prefix, 2));
                });
        assertThat(letters)
                .filteredOn(d -> d.billingKey().equals(prefix + "-C4"))
                .singleElement()
                .satisfies(d -> assertThat(d.errorKind()).isEqualTo("VALIDATION"));

        // the rejects file: original columns in order, then the error columns; safe in a spreadsheet; no password
        Path rejects = besideFile(file, RunFiles.REJECTS_SUFFIX);
        String text = Files.readString(rejects, StandardCharsets.UTF_8);
        assertThat(text).startsWith(RejectsCsv.BOM);
        List<String> lines = text.substring(1).lines().toList();
        assertThat(lines.get(0))
                .isEqualTo(
                        CUSTOMERS_HEADER + ",phone,error_field,error_code,error_name," + "error_message,source_line");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1))
                .startsWith(prefix + "-C2," + prefix + "u2,,Ann,Lee,")
                .contains(",'+1 555 0100,")
                .contains(",USERNAME_TAKEN,")
                .endsWith(",3");
        assertThat(lines.get(2)).contains(",'@SUM(A1),");
        assertThat(lines.get(3))
                .startsWith(prefix + "-C4,")
                .contains(",'-2+3,Email,,")
                .endsWith(",5");
        assertThat(text).doesNotContain(password(prefix, 2)).doesNotContain("******");

        // the report beside it and in the database
        JsonNode reportJson =
                json.readTree(besideFile(file, RunFiles.REPORT_SUFFIX).toFile());
        assertThat(reportJson.path("in").asLong()).isEqualTo(4);
        assertThat(reportJson.path("failed").asLong()).isEqualTo(3);
        assertThat(reportJson.path("identityHolds").asBoolean()).isTrue();
        assertThat(reportJson.path("errors").path("USERNAME_TAKEN").asLong()).isEqualTo(2);
        assertThat(reportJson.path("rejectsFile").asText())
                .isEqualTo(rejects.getFileName().toString());
        assertThat(jdbc.queryForObject("select report_json from es_run where run_id = ?", String.class, report.runId()))
                .contains("\"identityHolds\":true");

        // u2's username is freed; u3's keeps its stranger and its dead letter lost its password
        client.deleteUser(strangerA);
        jdbc.update("update es_dead_letter set encrypted_secret = null where billing_key = ?", prefix + "-C3");
        ReplayService.ReplayResult replay =
                replays.replay(new ReplayService.Selection(report.runId(), null, "USERNAME_TAKEN"));
        assertThat(replay.report().identityHolds())
                .as(replay.report().summary())
                .isTrue();
        assertThat(replay.report().in()).isEqualTo(2);
        assertThat(replay.report().created()).isEqualTo(1);
        assertThat(replay.report().failed()).isEqualTo(1);
        assertThat(replay.notReplayed())
                .singleElement()
                .satisfies(why -> assertThat(why).contains(prefix + "-C3").contains("password"));
        assertThat(usersNamed(prefix + "u2")).isEqualTo(1);
        assertThat(client.getUserByUsername(prefix + "u2").orElseThrow().getEmail())
                .isEqualTo(prefix + "u2@example.com");
        assertThat(deadLetters.open())
                .extracting(DeadLetter::billingKey)
                .doesNotContain(prefix + "-C2")
                .contains(prefix + "-C3", prefix + "-C4");
        Instant c3FirstFailed = letters.stream()
                .filter(d -> d.billingKey().equals(prefix + "-C3"))
                .findFirst()
                .orElseThrow()
                .firstFailedAt();
        assertThat(deadLetters.open())
                .filteredOn(d -> d.billingKey().equals(prefix + "-C3"))
                .singleElement()
                .satisfies(d -> {
                    assertThat(d.attempts()).isEqualTo(2);
                    assertThat(d.firstFailedAt())
                            .as("the first failure is kept")
                            .isEqualTo(c3FirstFailed);
                    assertThat(d.lastFailedAt()).as("the replay failed later").isAfter(c3FirstFailed);
                });

        // the operator fixes the e-mail in the rejects file and drops it in again: the error columns are ignored
        Path fixed = folder.resolve("customers-" + prefix + "-fixed.csv");
        Files.writeString(
                fixed,
                RejectsCsv.BOM + lines.get(0) + "\r\n"
                        + lines.get(3)
                                .replace("not-an-email", prefix + "u4@example.com")
                                .replace(",,", "," + password(prefix, 4) + ",")
                        + "\r\n",
                StandardCharsets.UTF_8);
        RunReport again = importFile(fixed);
        assertThat(again.created()).as(again.summary()).isEqualTo(1);
        assertThat(deadLetters.open()).extracting(DeadLetter::billingKey).doesNotContain(prefix + "-C4");
        assertThat(client.getUserByUsername(prefix + "u4").orElseThrow().getPrimaryPhone())
                .as("the ' that kept -2 from being a formula is gone")
                .isEqualTo("-2+3");
    }

    @Test
    void anAddonAboveItsMaximumIsMinus305WithItsNameAndQuotasAndAFixedRejectsFileImports() throws Exception {
        String prefix = unique("quota");
        importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 1)));
        importFile(write("subscriptions-" + prefix + ".csv", SUBSCRIPTIONS_HEADER, subscriptions(prefix, 1)));
        Path addons = write(
                "addons-" + prefix + ".csv",
                ADDONS_HEADER,
                List.of(
                        prefix + "-A1," + prefix + "-S1," + prefix + "-C1,disk-10gb,11,active,2024-01-01",
                        prefix + "-A2," + prefix + "-S1," + prefix + "-C1,mail-50,1,active,2024-01-01"));
        RunReport report = importFile(addons);

        assertThat(report.created()).isEqualTo(1);
        assertThat(report.failed()).isEqualTo(1);
        assertThat(report.errors()).containsEntry("-305 ERROR_PACKAGE_QUOTA_EXCEED", 1L);
        assertThat(deadLetters.openOfRun(report.runId())).singleElement().satisfies(d -> {
            assertThat(d.errorKind()).isEqualTo("BUSINESS");
            assertThat(d.errorCode()).isEqualTo(-305);
            assertThat(d.errorName()).isEqualTo("ERROR_PACKAGE_QUOTA_EXCEED");
            assertThat(d.message()).contains("quota");
            assertThat(d.recordType()).isEqualTo("ADDON");
        });
        Path rejects = besideFile(addons, RunFiles.REJECTS_SUFFIX);
        List<String> lines = Files.readString(rejects).substring(1).lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1))
                .startsWith(prefix + "-A1," + prefix + "-S1," + prefix + "-C1,disk-10gb,11,")
                .contains(",-305,ERROR_PACKAGE_QUOTA_EXCEED,")
                .endsWith(",2");

        // fixed: quantity within the add-on's maximum, the rejects file dropped in again
        Path fixed = folder.resolve("addons-" + prefix + "-fixed.csv");
        Files.writeString(
                fixed, RejectsCsv.BOM + lines.get(0) + "\r\n" + lines.get(1).replace(",11,", ",2,") + "\r\n");
        RunReport again = importFile(fixed);
        assertThat(again.created()).as(again.summary()).isEqualTo(1);
        assertThat(deadLetters.open()).extracting(DeadLetter::billingKey).doesNotContain(prefix + "-A1");
    }
}
