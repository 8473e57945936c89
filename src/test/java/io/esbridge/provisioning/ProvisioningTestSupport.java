package io.esbridge.provisioning;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.ProducerTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.TestPropertySource;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.record.ProvisioningRecord;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.record.SourceRef;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunSession;
import io.esbridge.run.RunSessions;
import io.esbridge.run.RunStore;

/**
 * Black-box provisioning tests: the whole application on a random port, its sandbox Enterprise Server answering
 * over real HTTP, records sent to {@code direct:provision} as a feed would, the run closed through its session.
 */
// the settings of sandboxed.properties, shared with the reliability tests (@SandboxedImportTest): one context for both
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:sandboxed.properties")
abstract class ProvisioningTestSupport {

    private static final AtomicLong LINES = new AtomicLong();

    @Autowired
    ProducerTemplate producer;

    @Autowired
    RunSessions sessions;

    @Autowired
    RunStore runs;

    @Autowired
    EnterpriseServerClient client;

    /** A prefix that keeps this test's usernames apart from other tests sharing the sandbox. */
    static String unique() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Imports the records as one run, waits for every outcome, and answers the run's report. */
    RunReport importFeed(List<? extends ProvisioningRecord> records) {
        RunSession run = sessions.open(SourceRef.Kind.FILE, "test-feed.csv");
        List<RecordEnvelope> envelopes = new ArrayList<>();
        for (ProvisioningRecord record : records) {
            envelopes.add(Envelopes.envelope(run.runId(), LINES.incrementAndGet(), record));
        }
        envelopes.forEach(e -> producer.sendBody(ProvisioningRoutes.INTAKE, e));
        RunReport report = run.close(envelopes.size());
        if (!report.identityHolds()) {
            throw new AssertionError("report identity broken: " + report.summary());
        }
        return report;
    }

    @SafeVarargs
    final RunReport importFeed(ProvisioningRecord... records) {
        return importFeed(List.of(records));
    }
}
