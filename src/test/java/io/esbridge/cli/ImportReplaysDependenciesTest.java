package io.esbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code es-bridge import FOLDER} whose first customers file names a reseller that a later customers file provides:
 * the first file's customers fail for their owner, and once every file is in, the command replays them (with their
 * subscriptions' kind of failure) and its exit code says all ended applied. Started as an operator starts it, a JVM of
 * its own working in a temporary home (as {@link CommandLineOutputTest}).
 */
class ImportReplaysDependenciesTest {

    @TempDir
    Path home;

    @Test
    void aCustomersFileBeforeTheFileOfItsResellerEndsRightAfterTheCommandsReplay() throws Exception {
        Path project = Path.of("").toAbsolutePath();
        copyTree(project.resolve("config"), home.resolve("config"));
        copyTree(project.resolve("routes"), home.resolve("routes"));
        copyTree(project.resolve("samples/billing-db"), home.resolve("samples/billing-db"));
        Files.writeString(
                home.resolve("config/mappings/tree.yml"),
                """
                type: CUSTOMER
                key: customer_id
                secrets: [password]
                fields:
                  Username: username
                  Password: password
                  FirstName: first_name
                  LastName: last_name
                  Email: email
                  OwnerKey: reseller_id
                  RoleId: role
                constants:
                  OwnerId: 1
                  Status: Active
                  IsDemo: false
                  IsPeer: false
                  SendLetter: false
                """);
        Path feeds = Files.createDirectories(home.resolve("feeds"));
        Files.writeString(
                feeds.resolve("tree-1.csv"),
                """
                customer_id,username,password,first_name,last_name,email,reseller_id,role
                T1,treecust1,Good-Pw-1aA2,Ann,One,ann1@example.com,T9,3
                T2,treecust2,Good-Pw-2bB3,Ben,Two,ben2@example.com,T9,3
                """,
                StandardCharsets.UTF_8);
        Files.writeString(
                feeds.resolve("tree-2.csv"),
                """
                customer_id,username,password,first_name,last_name,email,reseller_id,role
                T9,treeresell9,Good-Pw-9cC4,Res,Eller,res9@example.com,,2
                """,
                StandardCharsets.UTF_8);

        Run first = run("import", "feeds");

        assertThat(first.stdout())
                .as(first.toString())
                .contains("tree-1.csv: run")
                .contains("failed=2");
        assertThat(first.stderr()).contains("no input provided customer T9");
        assertThat(first.stdout().lines().filter(line -> line.startsWith("after all files")))
                .as(first.toString())
                .singleElement()
                .satisfies(line -> assertThat(line).contains("in=2 created=2"));
        assertThat(first.exit()).as("every record ended applied: " + first).isEqualTo(ExitCodes.OK);
    }

    record Run(int exit, String stdout, String stderr) {}

    private Run run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                "io.esbridge.EsBridgeApplication"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(home, "stdout", ".txt");
        Path err = Files.createTempFile(home, "stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        // its defaults, files under data/ of the temporary home, not surefire's in-memory databases
        builder.environment().keySet().removeIf(name -> name.startsWith("ES_") || name.startsWith("LOGGING_"));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("es-bridge " + String.join(" ", args) + " did not end");
        }
        return new Run(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target);
                }
            }
        }
    }
}
