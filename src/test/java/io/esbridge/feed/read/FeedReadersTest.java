package io.esbridge.feed.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.esbridge.record.SourceRef;

/** Every input shape the feeds accept, and the files they refuse. */
class FeedReadersTest {

    private static List<SourcedRow> csv(String text, Charset charset, String delimiter) {
        return drain(
                new CsvFeedRows(new ByteArrayInputStream(text.getBytes(charset)), charset, delimiter, "f.csv", "id"));
    }

    private static List<SourcedRow> drain(FeedRows rows) {
        List<SourcedRow> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        assertThat(rows.read()).isEqualTo(all.size());
        return all;
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void detectsTheDelimiterFromTheHeader(String d) {
        List<SourcedRow> rows =
                csv("id" + d + "name" + d + "city\n1" + d + "Ann" + d + "Oslo\n", StandardCharsets.UTF_8, "");
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.values()).containsEntry("name", "Ann").containsEntry("city", "Oslo");
            assertThat(r.problem()).isNull();
        });
    }

    @Test
    void readsQuotedFieldsWithDelimitersAndLineBreaksAndReportsTheLineEachRecordStartsOn() {
        String text =
                "\uFEFFid,address,name\r\n1,\"1 Main St, Suite 2\r\nBuilding B\",Ann\r\n2,\"say \"\"hi\"\"\",Bob\r\n";
        List<SourcedRow> rows = csv(text, StandardCharsets.UTF_8, ",");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).values())
                .containsEntry("id", "1")
                .containsEntry("address", "1 Main St, Suite 2\r\nBuilding B");
        assertThat(rows.get(0).source()).isEqualTo(SourceRef.fileLine("f.csv", 2));
        assertThat(rows.get(1).source()).isEqualTo(SourceRef.fileLine("f.csv", 4));
        assertThat(rows.get(1).values()).containsEntry("name", "Bob").containsEntry("address", "say \"hi\"");
    }

    @Test
    void theCountedBytesFollowTheReaderThroughAFileTooBigForItsBuffers() {
        StringBuilder text = new StringBuilder("id,name\n");
        long halfway = 0;
        for (int i = 0; i < 20_000; i++) {
            text.append(i).append(",name of customer ").append(i).append('\n');
            halfway = i == 9_999 ? text.length() : halfway;
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        CountingInputStream in = new CountingInputStream(new ByteArrayInputStream(bytes));
        CsvFeedRows rows = new CsvFeedRows(in, StandardCharsets.UTF_8, ",", "f.csv", "id");
        for (int i = 0; i < 10_000; i++) {
            rows.next();
        }
        // where the 10,000th row ends, give or take the readers' buffers (at most about 64 KiB ahead)
        assertThat(in.count()).isBetween(halfway, halfway + 80 * 1024);
        rows.forEachRemaining(row -> {});
        assertThat(in.count()).isEqualTo(bytes.length);
    }

    @Test
    void readsOtherEncodingsByConfiguration() {
        Charset cp1252 = Charset.forName("windows-1252");
        List<SourcedRow> rows = csv("id;name\n1;Émilie Müller\n", cp1252, ";");
        assertThat(rows.get(0).values()).containsEntry("name", "Émilie Müller");
    }

    @Test
    void aFileInAnotherEncodingThanConfiguredIsUnreadable() {
        byte[] latin1 = "id,name\n1,Émilie\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> drain(
                        new CsvFeedRows(new ByteArrayInputStream(latin1), StandardCharsets.UTF_8, "", "f.csv", "id")))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageContaining("encoding");
    }

    @Test
    void aFileWithoutTheHeaderIsUnreadable() {
        assertThatThrownBy(() -> csv("1,Ann,Oslo\n2,Bob,Rome\n", StandardCharsets.UTF_8, ""))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageContaining("no header row with the column 'id'");
        assertThatThrownBy(() -> csv("", StandardCharsets.UTF_8, "")).isInstanceOf(FeedUnreadableException.class);
    }

    @Test
    void aRowWithTheWrongNumberOfFieldsIsABadRowNotABadFile() {
        List<SourcedRow> rows = csv("id,name\n1,Ann,extra\n2,Bob\n", StandardCharsets.UTF_8, "");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).problem()).contains("3 fields where the header has 2");
        assertThat(rows.get(1).problem()).isNull();
    }

    private static List<SourcedRow> json(String text) {
        return drain(new JsonFeedRows(
                new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8,
                "f.json",
                (line, index) -> SourceRef.fileLine("f.json", line)));
    }

    @Test
    void readsAJsonArrayFlatteningNestedObjects() {
        List<SourcedRow> rows = json("\uFEFF[\n  {\"id\": 1, \"name\": \"Ann\", \"address\": {\"city\": \"Oslo\"},"
                + " \"tags\": [\"a\", \"b\"]},\n  {\"id\": 2, \"name\": null},\n  7\n]");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).values())
                .containsEntry("id", "1")
                .containsEntry("address.city", "Oslo")
                .containsEntry("tags[1]", "b");
        assertThat(rows.get(1).source().position()).isEqualTo("3");
        assertThat(rows.get(1).values()).containsEntry("name", null);
        assertThat(rows.get(2).problem()).isEqualTo("is not a JSON object");
    }

    @Test
    void readsJsonLinesWhereABrokenLineIsABadRow() {
        List<SourcedRow> rows =
                json("{\"id\": \"1\"}\n\n{\"id\": \"2\", \"password\": \"pw\", broken\n{\"id\": \"3\"}\n");
        assertThat(rows).extracting(r -> r.source().position()).containsExactly("1", "3", "4");
        assertThat(rows.get(1).problem()).startsWith("is not JSON");
        assertThat(rows.get(1).values().get("line")).doesNotContain("\"pw\"").contains("******");
        assertThat(rows.get(2).values()).containsEntry("id", "3");
    }

    @Test
    void somethingThatIsNotJsonIsUnreadable() {
        assertThatThrownBy(() -> json("id,name\n1,Ann\n"))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageContaining("neither a JSON array nor JSON Lines");
        assertThatThrownBy(() -> json("[{\"id\": 1}, {\"id\": ")).isInstanceOf(FeedUnreadableException.class);
    }
}
