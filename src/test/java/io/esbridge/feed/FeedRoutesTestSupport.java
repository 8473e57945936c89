package io.esbridge.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.apache.camel.EndpointInject;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.MockEndpointsAndSkip;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.esbridge.EsBridgeApplication;

/**
 * The feed routes as shipped, without a server: only the two endpoints consumed elsewhere (provision, rejected) are
 * intercepted. One application context for the inbox tests and the push tests (Spring caches it by these settings),
 * so every test here must find its own records by its run id, never by counting a table or the whole inbox.
 */
@CamelSpringBootTest
@SpringBootTest(
        classes = EsBridgeApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "es.sandbox.enabled=false",
            "es.state.secret-key-file=target/feeds-test-secret.key",
            "es.feeds.poll-delay=200",
            "es.feeds.read-lock-check-interval=1000",
            "es.feeds.push.username=billing",
            "es.feeds.push.password=push-secret"
        })
@MockEndpointsAndSkip("direct:(provision|rejected)")
abstract class FeedRoutesTestSupport {

    /**
     * The inbox the routes of the cached context poll: one per JVM, not a per-class @TempDir, which JUnit would delete
     * under the context after the first class while later classes dropped files into a folder nobody polls.
     */
    static final Path INBOX = newInbox();

    @EndpointInject("mock:direct:provision")
    MockEndpoint provision;

    @EndpointInject("mock:direct:rejected")
    MockEndpoint rejected;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("es.feeds.inbox", INBOX::toString);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:feeds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    }

    @BeforeEach
    void resetMocks() {
        MockEndpoint.resetMocks(provision.getCamelContext());
    }

    private static Path newInbox() {
        try {
            Path target = Files.createDirectories(Path.of("target"));
            return Files.createTempDirectory(target, "feed-routes-inbox-");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the test inbox under target/", e);
        }
    }
}
