package io.esbridge.feed.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Rejects files are safe to open in a spreadsheet and read back as the original rows. */
class RejectsCsvTest {

    @Test
    void cellsASpreadsheetWouldEvaluateAreDefusedAndQuotedWhenNeeded() {
        assertThat(RejectsCsv.line(Arrays.asList(
                        "=HYPERLINK(\"http://x\")",
                        "+1 555",
                        "-2+3",
                        "@SUM(A1)",
                        "\tx",
                        "\rx",
                        "-305",
                        "+42",
                        "3.5",
                        "plain",
                        "a,b",
                        "say \"hi\"",
                        null,
                        "")))
                .isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\",'+1 555,'-2+3,'@SUM(A1),\"'\tx\",\"'\rx\",-305,+42,3.5,"
                        + "plain,\"a,b\",\"say \"\"hi\"\"\",,");
    }

    @Test
    void aRejectsRowReadsBackAsTheOriginalRow() {
        Map<String, String> row = new LinkedHashMap<>();
        row.put("customer_id", "C1");
        row.put("phone", "'+1 555");
        row.put("note", "'quoted on purpose");
        RejectsCsv.ERROR_COLUMNS.forEach(c -> row.put(c, "x"));
        assertThat(RejectsCsv.isRejectsRow(row)).isTrue();
        assertThat(RejectsCsv.original(row))
                .containsExactly(
                        Map.entry("customer_id", "C1"),
                        Map.entry("phone", "+1 555"),
                        Map.entry("note", "'quoted on purpose"));
        assertThat(RejectsCsv.isRejectsRow(Map.of("customer_id", "C1"))).isFalse();
        assertThat(RejectsCsv.ERROR_COLUMNS)
                .isEqualTo(List.of("error_field", "error_code", "error_name", "error_message", "source_line"));
    }
}
