package io.esbridge.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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

/**
 * {@code es-bridge import samples/migrations/<panel>} against the built-in sandbox, as the README says to run it (on a
 * copy of the folder, as the command writes done/ beside it): each panel's plans and its administrator's customers
 * end on the sandbox. The reseller's customers and plans depend on reseller ownership (issue 15), built elsewhere, so
 * only that their records were read is asserted here.
 */
@ExtendWith(OutputCaptureExtension.class)
class MigrationImportTest {

    @TempDir
    Path copy;

    /** es-bridge's own state, kept from the first import to the second, as on a real installation. */
    private final String stateUrl = "jdbc:h2:mem:migration-import-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    private final String sandboxUrl =
            "jdbc:h2:mem:migration-import-sandbox-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";

    @Test
    void plesk(CapturedOutput output) throws Exception {
        importPanel("plesk");
        assertThat(output.getAll())
                .containsPattern("plesk-1-service-plan.xml: run \\S+ \\(file plesk-1-service-plan.xml, UTF-8\\): in=3")
                .contains("plesk-3-customer.xml line 87 (CUSTOMER plesk-): Username (empty) is required");
        assertThat(plans()).contains("Plesk Basic", "Plesk Unlimited");
        assertThat(usersOf(1)).contains("annlee Active 3", "bobstone Suspended 3", "webhost Active 2");
        assertThat(spaces()).contains("leebakery.example annlee", "stone.example bobstone");
        // the hosting description is another source of the same provider, in a folder of its own: not read
        assertThat(usernames()).doesNotContain("dandale");
    }

    @Test
    void cpanel(CapturedOutput output) throws Exception {
        importPanel("cpanel");
        assertThat(output.getAll())
                .containsPattern("cpanel-1-listpkgs.json: run \\S+ \\(file cpanel-1-listpkgs.json, UTF-8\\): in=3")
                .containsPattern("cpanel-2-listaccts.json: run \\S+ \\(file cpanel-2-listaccts.json, UTF-8\\): in=8");
        assertThat(plans()).contains("Basic", "Business");
        assertThat(usersOf(1)).contains("annlee Active 3", "bobstone Suspended 3", "webhost Active 2");
        // each account is also a space, on its package, named by its domain
        assertThat(spaces()).contains("leebakery.example annlee", "stone.example bobstone");
    }

    @Test
    void directAdmin(CapturedOutput output) throws Exception {
        importPanel("directadmin");
        assertThat(output.getAll())
                .containsPattern("directadmin-1-packages.tar.gz: run \\S+ \\(file directadmin-1-packages.tar.gz,"
                        + " UTF-8\\): in=3")
                .containsPattern(
                        "directadmin-2-users.tar.gz: run \\S+ \\(file directadmin-2-users.tar.gz, UTF-8\\):" + " in=8")
                .containsPattern("directadmin-2-users-dandale.conf: run \\S+ \\(file directadmin-2-users-dandale.conf,"
                        + " UTF-8\\): in=2 created=2");
        assertThat(plans()).contains("basic", "business");
        assertThat(usersOf(1))
                .contains("annlee Active 3", "bobstone Suspended 3", "webhost Active 2", "dandale Active 3");
        assertThat(spaces()).contains("leebakery.example annlee", "stone.example bobstone", "dale.example dandale");
    }

    private void importPanel(String panel) throws IOException {
        Path from = Path.of("samples/migrations", panel);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Path to = copy.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(file, to);
                }
            }
        }
        runImport();
    }

    private void runImport() {
        Cli.run(EsBridgeApplication.class, new String[] {
            "import",
            copy.toString(),
            "--spring.datasource.url=" + stateUrl,
            "--es.sandbox.datasource-url=" + sandboxUrl,
            "--es.state.secret-key-file=target/migration-import-secret.key",
            "--es.console.password-file=target/migration-import-console-password"
        });
    }

    private List<String> plans() throws SQLException {
        return query("select plan_name from es_plans");
    }

    private List<String> usernames() throws SQLException {
        return query("select username from es_users");
    }

    /** "username status role" of the users owned by {@code ownerId}. */
    private List<String> usersOf(int ownerId) throws SQLException {
        return query("select username || ' ' || case status_id when 1 then 'Active' when 2 then 'Suspended' else"
                + " cast(status_id as varchar) end || ' ' || role_id from es_users where owner_id = " + ownerId);
    }

    /** "space name username" of every space. */
    private List<String> spaces() throws SQLException {
        return query("select p.package_name || ' ' || u.username from es_packages p join es_users u"
                + " on u.user_id = p.user_id");
    }

    private List<String> query(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(sandboxUrl, "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
