package io.esbridge.feed.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;

import io.esbridge.record.SourceRef;

/** The readers of other panels' exports: XML, JSON records at a path, key=value files and archives of them. */
class OtherPanelReadersTest {

    private static List<SourcedRow> drain(FeedRows rows) {
        List<SourcedRow> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        assertThat(rows.read()).isEqualTo(all.size());
        return all;
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String PLESK =
            """
            <?xml version="1.0" encoding="UTF-8"?>
            <packet version="1.6.9.1">
              <customer>
                <get>
                  <result>
                    <status>ok</status>
                    <id>3</id>
                    <data><gen_info><login>annlee</login><pname>Ann Lee</pname><fax/></gen_info></data>
                  </result>
                  <other><result><id>99</id></result></other>
                  <result>
                    <status>ok</status>
                    <id>4</id>
                    <data><gen_info><login>bob</login></gen_info>
                      <limits>
                        <limit><name>max_db</name><value>2</value></limit>
                        <limit><name>disk_space</name><value>1073741824</value></limit>
                      </limits>
                    </data>
                  </result>
                </get>
              </customer>
            </packet>
            """;

    @Test
    void readsTheRecordElementsAtThePathIntoTheTreeJsonRecordsBecome() {
        List<SourcedRow> rows = drain(new XmlFeedRows(utf8(PLESK), null, "customer.xml", "packet.customer.get.result"));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).source()).isEqualTo(SourceRef.fileLine("customer.xml", 5));
        assertThat(rows.get(0).problem()).isNull();
        assertThat(rows.get(0).values())
                .containsEntry("id", "3")
                .containsEntry("data.gen_info.login", "annlee")
                .containsEntry("data.gen_info.pname", "Ann Lee")
                .containsEntry("data.gen_info.fax", "");
        // the <result> inside <other> is not at the path; named entries are read by name, whatever their order
        assertThat(rows.get(1).source()).isEqualTo(SourceRef.fileLine("customer.xml", 11));
        assertThat(rows.get(1).values())
                .containsEntry("id", "4")
                .containsEntry("data.limits.limit[1].value", "1073741824")
                .containsEntry("data.limits.limit[disk_space].value", "1073741824")
                .containsEntry("data.limits.limit[max_db].value", "2");
    }

    @Test
    void withoutARecordsPathTheRootsChildrenAreTheRecords() {
        String xml = "<customers>\n<customer><id>1</id></customer>\n<customer><id>2</id></customer>\n</customers>";
        List<SourcedRow> rows = drain(new XmlFeedRows(utf8(xml), null, "c.xml", null));
        assertThat(rows).extracting(r -> r.values().get("id")).containsExactly("1", "2");
        assertThat(rows).extracting(r -> r.source().position()).containsExactly("2", "3");
    }

    @Test
    void aBrokenXmlDocumentKeepsTheRecordsBeforeTheFaultAndSaysWhere() {
        String xml = "<packet><customer><get>\n<result><id>1</id></result>\n<result><id>2</wrong></result>\n"
                + "<result><id>3</id></result></get></customer></packet>";
        XmlFeedRows rows = new XmlFeedRows(utf8(xml), null, "broken.xml", "packet.customer.get.result");
        assertThat(rows.hasNext()).isTrue();
        assertThat(rows.next().values()).containsEntry("id", "1");
        assertThat(rows.hasNext()).isTrue();
        assertThatThrownBy(rows::next)
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageStartingWith("broken.xml line 3")
                .hasMessageContaining("record element 2 cannot be read")
                .hasMessageContaining("the elements before it were read");
        assertThat(rows.read()).isEqualTo(1);
    }

    @Test
    void anAnswerWithoutTheRecordsPathIsRefusedNamingIt() {
        assertThatThrownBy(() -> drain(new XmlFeedRows(utf8(PLESK), null, "c.xml", "packet.webspace.get.result")))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessage("c.xml has no element packet.webspace.get; the mapping's records setting"
                        + " (packet.webspace.get.result) names where the records are: fix the setting, or give the"
                        + " answer that has them");
        assertThatThrownBy(() -> new XmlFeedRows(utf8(PLESK), null, "c.xml", "answer.customer.get.result"))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageContaining("has the root element <packet>, but the mapping's records setting");
    }

    @Test
    void anExternalEntityIsNotRead() {
        String xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                + "<r><c><id>&x;</id></c></r>";
        assertThatThrownBy(() -> drain(new XmlFeedRows(utf8(xml), null, "x.xml", null)))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageStartingWith("x.xml");
    }

    private static final String LISTACCTS =
            """
            {"metadata": {"version": 1, "reason": "OK", "nested": {"acct": [{"user": "not-this"}]}},
             "data": {"other": [1, 2, {"x": [3]}],
                      "acct": [
                        {"user": "annlee", "suspended": 0},
                        "not an object",
                        {"user": "bob", "suspended": 1}
                      ]},
             "after": "ignored"}
            """;

    @Test
    void readsTheJsonArrayAtThePathSkippingTheRestOfTheAnswer() {
        List<SourcedRow> rows = drain(new JsonFeedRows(
                utf8(LISTACCTS),
                StandardCharsets.UTF_8,
                "listaccts.json",
                (line, index) -> SourceRef.fileLine("listaccts.json", line),
                "data.acct"));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).values()).containsEntry("user", "annlee").containsEntry("suspended", "0");
        assertThat(rows.get(0).source()).isEqualTo(SourceRef.fileLine("listaccts.json", 4));
        assertThat(rows.get(1).problem()).isEqualTo("is not a JSON object");
        assertThat(rows.get(2).values()).containsEntry("user", "bob");
        assertThat(rows.get(2).source()).isEqualTo(SourceRef.fileLine("listaccts.json", 6));
    }

    @Test
    void aJsonAnswerWithoutThePathSaysWhichPartIsMissing() {
        assertThatThrownBy(() -> new JsonFeedRows(
                        utf8(LISTACCTS),
                        StandardCharsets.UTF_8,
                        "listpkgs.json",
                        (line, index) -> SourceRef.fileLine("listpkgs.json", line),
                        "data.pkg"))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageStartingWith("listpkgs.json line 7: data.pkg is not in it; the mapping's records setting"
                        + " (data.pkg) names where the records are");
        assertThatThrownBy(() -> new JsonFeedRows(
                        utf8(LISTACCTS),
                        StandardCharsets.UTF_8,
                        "a.json",
                        (line, index) -> SourceRef.fileLine("a.json", line),
                        "data.other.x"))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageContaining("data.other is not a JSON object");
        assertThatThrownBy(() -> new JsonFeedRows(
                        utf8("[{\"user\": \"a\"}]"),
                        StandardCharsets.UTF_8,
                        "b.json",
                        (line, index) -> SourceRef.fileLine("b.json", line),
                        "data.acct"))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageContaining("b.json is not one JSON object (it starts with '[')");
    }

    @Test
    void aKeyValueFileIsOneRecordWithoutItsComments() {
        String conf = "# DirectAdmin\nusername=annlee\n\nemail=ann@example.com\npasswd_note=a=b=c\n";
        List<SourcedRow> rows = drain(new KeyValueFeedRows(utf8(conf), StandardCharsets.UTF_8, "ann.conf", null));
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.problem()).isNull();
            assertThat(row.source()).isEqualTo(SourceRef.fileLine("ann.conf", 2));
            assertThat(row.values())
                    .containsEntry("username", "annlee")
                    .containsEntry("email", "ann@example.com")
                    .containsEntry("passwd_note", "a=b=c")
                    .containsEntry("_file", "ann.conf")
                    .containsEntry("_name", "ann")
                    .doesNotContainKey("# DirectAdmin");
        });
    }

    @Test
    void anArchiveGivesOneRecordPerMatchingEntryAndABrokenEntryIsRejectedAlone() throws IOException {
        byte[] archive = tarGz(
                "users/annlee/user.conf", "username=annlee\nsuspended=no\n",
                "users/annlee/domains.list", "leebakery.example\n",
                "users/bad/user.conf", "username=bad\nthis line has no equals sign secret-ish\nusername=again\n",
                "users/bob/user.conf", "username=bob\n");

        List<SourcedRow> rows = drain(new KeyValueFeedRows(
                new ByteArrayInputStream(archive), StandardCharsets.UTF_8, "u.tar.gz", "users/*/user.conf"));

        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).source()).isEqualTo(SourceRef.fileLine("u.tar.gz:users/annlee/user.conf", 1));
        assertThat(rows.get(0).values()).containsEntry("username", "annlee").containsEntry("_name", "user");
        assertThat(rows.get(1).source().name()).isEqualTo("u.tar.gz:users/bad/user.conf");
        assertThat(rows.get(1).problem())
                .isEqualTo("is not key=value text: line 2 is not key=value (no '='); key username is on line 1 and"
                        + " again on line 3")
                .doesNotContain("secret-ish");
        assertThat(rows.get(2).values()).containsEntry("username", "bob");
        assertThat(rows.get(2).problem()).isNull();
    }

    @Test
    void anArchiveThatBreaksOffKeepsTheEntriesBeforeIt() throws IOException {
        byte[] archive =
                tarGz("a/user.conf", "username=a\n", "b/user.conf", "username=b\n" + "x=".repeat(20_000) + "\n");
        byte[] cut = Arrays.copyOf(archive, archive.length - 40);

        KeyValueFeedRows rows =
                new KeyValueFeedRows(new ByteArrayInputStream(cut), StandardCharsets.UTF_8, "cut.tgz", null);
        List<SourcedRow> read = new ArrayList<>();
        assertThatThrownBy(() -> rows.forEachRemaining(read::add))
                .isInstanceOf(FeedUnreadableException.class)
                .hasMessageStartingWith("cut.tgz cannot be read after entry 1: ")
                .hasMessageContaining("the entries before it were read");
        assertThat(read).singleElement().satisfies(r -> assertThat(r.values()).containsEntry("username", "a"));
    }

    @Test
    void picksTheReaderByExtension() {
        assertThat(FeedFormat.of("plesk-customer.XML")).isEqualTo(FeedFormat.XML);
        assertThat(FeedFormat.of("listaccts.json")).isEqualTo(FeedFormat.JSON);
        assertThat(FeedFormat.of("users.tar.gz")).isEqualTo(FeedFormat.KEY_VALUE_ARCHIVE);
        assertThat(FeedFormat.of("users.tgz")).isEqualTo(FeedFormat.KEY_VALUE_ARCHIVE);
        assertThat(FeedFormat.of("user.conf")).isEqualTo(FeedFormat.KEY_VALUE);
        assertThat(FeedFormat.of("basic.pkg")).isEqualTo(FeedFormat.KEY_VALUE);
        assertThat(FeedFormat.of("customers.csv")).isEqualTo(FeedFormat.CSV);
    }

    /** A .tar.gz of the given path, content pairs. */
    static byte[] tarGz(String... pathsAndContents) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(bytes))) {
            for (int i = 0; i < pathsAndContents.length; i += 2) {
                byte[] content = pathsAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry(pathsAndContents[i]);
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }
}
