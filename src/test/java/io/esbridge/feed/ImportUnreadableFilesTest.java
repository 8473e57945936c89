package io.esbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.esbridge.EsBridgeApplication;
import io.esbridge.cli.Cli;
import io.esbridge.cli.ExitCodes;

/**
 * Files the {@code import} command cannot read, through the command itself ({@code es-bridge import FOLDER}, in this
 * JVM, against the built-in sandbox): each gets its precise reason on the command's output and a
 * {@code failed/<name>.error.txt} beside it (the note itself used to crash on the missing inbox headers, and every one
 * of them answered "not imported: NullPointerException"); a file in Latin-1 is read as such and its report says so;
 * and no password of these files shows anywhere: not in the output or log, not in a note, report or rejects file.
 */
@ExtendWith(OutputCaptureExtension.class)
class ImportUnreadableFilesTest {

    private static final String HEADER = "customer_id,username,password,first_name,last_name,email,status\n";
    private static final List<String> PASSWORDS = List.of(
            "Pw-Headless-U1",
            "Pw-Gap-U2",
            "Pw-Json-U3",
            "Pw-Json-U4",
            "Pw-Latin-U5",
            "Pw-Declared-U6",
            "Pw-Declared-U7");

    @TempDir
    Path feeds;

    private final String sandboxUrl =
            "jdbc:h2:mem:import-unreadable-sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void eachUnreadableFileGetsItsReasonAndANoteAndALatin1FileIsRead(CapturedOutput output) throws Exception {
        write("customers-empty.csv", new byte[0]);
        write("customers-headless.csv", "U1,imp-u1,Pw-Headless-U1,Ann,Lee,u1@example.com\n");
        write("customers-headless-gap.csv", "U2,imp-u2,Pw-Gap-U2,Ann,,u2@example.com\n");
        write("customers-binary.csv", new byte[] {
            (byte) 0xC3,
            0x28,
            (byte) 0xFF,
            (byte) 0xFE,
            0x00,
            0x01,
            '\n',
            (byte) 0x89,
            'P',
            'N',
            'G',
            0x00,
            0x00,
            0x00,
            0x0D
        });
        write(
                "customers-truncated.json",
                """
                [{"customer_id": "U3", "username": "imp-u3", "password": "Pw-Json-U3", "first_name": "Ann",
                  "last_name": "Lee", "email": "u3@example.com"},
                 {"customer_id": "U4", "username": "imp-u4", "password": "Pw-Json-U4", "first_""");
        write(
                "customers-latin1.csv",
                (HEADER + "U5,imp-u5,Pw-Latin-U5,Renée,Müller,u5@example.com,active\n")
                        .getBytes(StandardCharsets.ISO_8859_1));

        int exit = importFeeds();

        String out = output.getAll();
        assertThat(exit).as(out).isEqualTo(ExitCodes.SOME_FAILED);
        assertThat(out).doesNotContain("NullPointerException");
        assertNotImported(
                out,
                "customers-empty.csv",
                "customers-empty.csv is empty: it has no header row and no"
                        + " records; a file of this feed starts with a header row naming the column 'customer_id'");
        assertNotImported(
                out,
                "customers-headless.csv",
                "customers-headless.csv has no header row with the column"
                        + " 'customer_id': its first row has 6 fields, none of them named 'customer_id'");
        assertNotImported(
                out,
                "customers-headless-gap.csv",
                "customers-headless-gap.csv has no usable header row:"
                        + " its first row has 6 fields and field 5 is empty");
        assertNotImported(
                out,
                "customers-binary.csv",
                "customers-binary.csv is not a text file: 5 of its first 15"
                        + " bytes are control characters (the first at byte 4)");
        assertNotImported(out, "customers-truncated.json", "customers-truncated.json line 3, column");
        assertNotImported(
                out,
                "customers-truncated.json",
                "the JSON array cannot be read after element 1:" + " Unexpected end-of-input");

        // the Latin-1 file: detected, read right (the sandbox has the accents), and the report names the charset
        assertThat(out)
                .containsPattern("customers-latin1.csv: run \\S+ \\(file customers-latin1.csv, windows-1252\\):"
                        + " in=1 created=1");
        assertThat(sandboxNames("imp-u5")).containsExactly("Renée Müller");
        Path report = onlyFile(feeds.resolve("done"), "-customers-latin1.csv.report.json");
        assertThat(Files.readString(report))
                .contains("\"charset\" : \"windows-1252\"")
                .contains("\"charsetFrom\" : \"detected: not UTF-8");
        assertThat(feeds.resolve("failed/customers-latin1.csv.error.txt")).doesNotExist();

        assertNoPassword(out);
    }

    @Test
    void aDeclaredCharsetThatDoesNotFitSaysWhereAndWhichSettingToChange(CapturedOutput output) throws Exception {
        byte[] latin1 = (HEADER + "U6,imp-u6,Pw-Declared-U6,Ann,Lee,u6@example.com,active\n"
                        + "U7,imp-u7,Pw-Declared-U7,Renée,Müller,u7@example.com,active\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        write("customers-declared.csv", latin1);
        int offset = new String(latin1, StandardCharsets.ISO_8859_1).indexOf('é');

        int exit = importFeeds("--es.feeds.charset=UTF-8");

        String out = output.getAll();
        assertThat(exit).as(out).isEqualTo(ExitCodes.SOME_FAILED);
        assertNotImported(
                out,
                "customers-declared.csv",
                "customers-declared.csv is not UTF-8 text from line 3"
                        + " (byte " + offset + " of the file, 0xE9), and UTF-8 is what es.feeds.charset says; set"
                        + " es.feeds.charset to the file's charset, or leave it empty to have each file's detected");
        assertNoPassword(out);
    }

    private int importFeeds(String... more) {
        List<String> args = new ArrayList<>(List.of(
                "import",
                feeds.toString(),
                "--spring.datasource.url=jdbc:h2:mem:import-unreadable-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1",
                "--es.sandbox.datasource-url=" + sandboxUrl,
                "--es.state.secret-key-file=target/import-unreadable-secret.key",
                "--es.console.password-file=target/import-unreadable-console-password",
                // more of the log than the command's default (warnings only), for the secret scan to look at
                "--logging.level.io.esbridge=INFO"));
        args.addAll(List.of(more));
        return Cli.run(EsBridgeApplication.class, args.toArray(String[]::new));
    }

    /** The command's line for the file names the reason; the note beside it says the same; the file stays. */
    private void assertNotImported(String out, String name, String reason) throws IOException {
        assertThat(out).contains(feeds.resolve(name) + ": not imported: ").contains(reason);
        Path note = feeds.resolve("failed").resolve(name + ".error.txt");
        assertThat(note).as("note of " + name).exists();
        assertThat(Files.readString(note)).contains(reason);
        assertThat(feeds.resolve(name)).exists();
    }

    /** No password of the files anywhere: output and log, notes, reports, rejects files. */
    private void assertNoPassword(String out) throws IOException {
        List<Path> written = new ArrayList<>();
        for (String folder : List.of("done", "failed")) {
            if (Files.isDirectory(feeds.resolve(folder))) {
                try (Stream<Path> files = Files.list(feeds.resolve(folder))) {
                    files.forEach(written::add);
                }
            }
        }
        assertThat(written).isNotEmpty();
        for (String password : PASSWORDS) {
            assertThat(out).as("output and log").doesNotContain(password);
            for (Path file : written) {
                assertThat(Files.readString(file)).as(file.toString()).doesNotContain(password);
            }
        }
    }

    private List<String> sandboxNames(String username) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(sandboxUrl, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(
                        "select first_name, last_name from es_users where username = '" + username + "'")) {
            while (rs.next()) {
                names.add(rs.getString(1) + " " + rs.getString(2));
            }
        }
        return names;
    }

    private static Path onlyFile(Path folder, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(suffix))
                    .findFirst()
                    .orElseThrow();
        }
    }

    private void write(String name, String content) throws IOException {
        write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    private void write(String name, byte[] content) throws IOException {
        Files.write(feeds.resolve(name), content);
    }
}
