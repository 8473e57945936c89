package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.esbridge.deadletter.ReplayService;
import io.esbridge.feed.output.RunFiles;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.FaultSettings;

/**
 * A run with known passwords (the records' and es-bridge's own), some records failing (bad input, a taken username,
 * the server answering 500 now and then, a replay): none of those passwords nor an Authorization header appears in
 * the log, the report, the rejects file, or the text columns of the dead-letter store and the run outcomes.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLeakTest extends ErrorChannelTestSupport {

    @Test
    void noPasswordNorAuthorizationHeaderInAnyOutputOfARun(CapturedOutput output) throws Exception {
        String prefix = unique("sec");
        stranger(prefix + "u2");

        List<String> rows = new ArrayList<>(customers(prefix, 8));
        rows.add(prefix + "-C9," + prefix + "u9," + password(prefix, 9) + ",Ann,Lee,broken email,active");
        rows.add(prefix + "-C10,bad/name," + password(prefix, 10) + ",Ann,Lee,x@example.com,active");
        Path file = write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, rows);
        faults.set(FaultSettings.NONE.withHttpErrorShare(0.3, 500));
        RunReport report = importFile(file);
        faults.clear();
        ReplayService.ReplayResult replay = replays.replay(new ReplayService.Selection(report.runId(), null, null));

        assertThat(report.in()).isEqualTo(10);
        assertThat(report.failed()).isEqualTo(3);
        assertThat(replay.report().identityHolds()).isTrue();

        List<String> secrets = new ArrayList<>();
        for (int i = 1; i <= 10; i++) {
            secrets.add(password(prefix, i));
        }
        secrets.add(ADMIN_PASSWORD);
        String basic =
                Base64.getEncoder().encodeToString(("serveradmin:" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        secrets.add(basic);

        Map<String, String> outputs = new java.util.LinkedHashMap<>();
        outputs.put("log", output.getAll());
        outputs.put("report file", Files.readString(besideFile(file, RunFiles.REPORT_SUFFIX)));
        outputs.put("rejects file", Files.readString(besideFile(file, RunFiles.REJECTS_SUFFIX)));
        outputs.put(
                "es_dead_letter",
                String.join(
                        "\n",
                        jdbc.queryForList(
                                "select concat_ws('|', run_id, source,"
                                        + " record_type, billing_key, error_kind, error_name, field, message, raw_json, envelope_json)"
                                        + " from es_dead_letter",
                                String.class)));
        outputs.put(
                "es_record_outcome",
                String.join(
                        "\n",
                        jdbc.queryForList(
                                "select concat_ws('|', run_id, source,"
                                        + " record_type, billing_key, outcome, operations, error_kind, error_name, message)"
                                        + " from es_record_outcome",
                                String.class)));
        outputs.put(
                "es_run",
                String.join(
                        "\n",
                        jdbc.queryForList(
                                "select concat_ws('|', source_name, report_json)" + " from es_run", String.class)));
        outputs.put(
                "replay",
                String.join("\n", replay.notReplayed()) + replay.report().summary());

        assertThat(outputs.get("es_dead_letter")).contains(prefix + "-C9").contains(prefix + "-C2");
        assertThat(outputs.get("log")).contains(prefix + "-C9");
        outputs.forEach((name, text) -> {
            for (String secret : secrets) {
                assertThat(text).as("%s holds a secret", name).doesNotContain(secret);
            }
            assertThat(text)
                    .as("%s holds an Authorization header", name)
                    .doesNotContainIgnoringCase("Authorization:")
                    .doesNotContain("Basic " + basic);
        });
    }
}
