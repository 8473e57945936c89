package io.esbridge.console;

import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.contract.UserInfo;
import io.esbridge.contract.UserRole;
import io.esbridge.contract.UserStatus;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.feed.FileImporter;
import io.esbridge.mapping.Secrets;
import io.esbridge.record.CustomerRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.RecordType;
import io.esbridge.record.SourceRef;
import io.esbridge.run.RunStore;
import io.esbridge.state.SecretKeeper;

/**
 * The console of {@link ConsoleTestSupport} with the built-in sandbox Enterprise Server on (in memory, serveradmin's
 * password the known es.server password), so that a replay pressed on the console page really provisions and its
 * effect can be checked on the server. Without a server a replayed record only waits (provisioning pauses), and a
 * test could show nothing but a replay that sends nothing. {@code @TestPropertySource} wins over the
 * {@code @SpringBootTest} properties it overrides.
 */
@TestPropertySource(
        properties = {
            "es.sandbox.enabled=true",
            "es.server.url=",
            "es.sandbox.admin-password=" + ConsoleTestSupport.SERVER_PASSWORD,
            "es.sandbox.datasource-url=jdbc:h2:mem:console-sandbox-${random.uuid};DB_CLOSE_DELAY=-1",
            // the inbox routes run too: away from the worktree's data/inbox
            "es.feeds.inbox=target/console-test/inbox",
            // the push's own account, for PathsWithTheirOwnAuthenticationTest: one context for all the console's
            // sandbox tests, not one more application started for a test of two accounts
            "es.feeds.push.username=" + SandboxConsoleTestSupport.PUSH_USERNAME,
            "es.feeds.push.password=" + SandboxConsoleTestSupport.PUSH_PASSWORD
        })
abstract class SandboxConsoleTestSupport extends ConsoleTestSupport {

    static final String PUSH_USERNAME = "billing";
    static final String PUSH_PASSWORD = "push-Pw-4c2d81";

    @Autowired
    EnterpriseServerClient client;

    @Autowired
    FileImporter importer;

    @Autowired
    RunStore runs;

    @Autowired
    DeadLetterStore deadLetters;

    @Autowired
    SecretKeeper secrets;

    @Autowired
    ObjectMapper mapper;

    /**
     * {@link #runWithFailures()}, its C-5 dead letter as provisioning leaves one after the server refused the user: the
     * mapped record (password masked) and its password sealed, here for {@code username}, a user the sandbox does not
     * have, so that a replay of it creates the user.
     */
    String runWithAReplayableFailure(String username, String password) {
        String runId = runWithFailures();
        CustomerRecord record = new CustomerRecord(
                "C-5",
                username,
                password,
                "Carla",
                "Five",
                username + "@example.com",
                UserStatus.ACTIVE,
                1,
                null,
                3,
                false,
                false,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null,
                List.of());
        RecordEnvelope envelope = new RecordEnvelope(
                runId,
                SourceRef.fileLine("customers-2026-11-26.csv", 5),
                RecordType.CUSTOMER,
                "C-5",
                record,
                Map.of("id", "C-5", "password", Secrets.MASK));
        // masked as OutcomeRecorder masks it: the replay takes the password from the sealed copy alone
        ObjectNode json = mapper.valueToTree(envelope);
        ((ObjectNode) json.path("payload")).put("password", Secrets.MASK);
        int updated = jdbc.update(
                "update es_dead_letter set envelope_json = ?, encrypted_secret = ? where run_id = ?"
                        + " and billing_key = 'C-5'",
                json.toString(),
                secrets.encrypt(password),
                runId);
        if (updated != 1) {
            throw new IllegalStateException("no dead letter C-5 in run " + runId);
        }
        return runId;
    }

    /** A user on the server that no billing record knows, holding {@code username} with another e-mail. */
    int stranger(String username) {
        UserInfo user = new UserInfo();
        user.setUsername(username);
        user.setOwnerId(1);
        user.setRoleId(UserRole.USER.ordinal() + 1);
        user.setRole(UserRole.USER);
        user.setStatusId(1);
        user.setStatus(UserStatus.ACTIVE);
        user.setFirstName("Some");
        user.setLastName("Stranger");
        user.setEmail("stranger-" + username + "@elsewhere.example");
        return client.addUser(user, "Stranger-1!", false, List.of());
    }
}
