package io.esbridge.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.MeterRegistry;

import io.esbridge.contract.PackageInfo;
import io.esbridge.contract.UserInfo;
import io.esbridge.run.RunReport;
import io.esbridge.sandbox.FaultSettings;

/**
 * Transient faults of the Enterprise Server: every record is eventually provisioned, none twice, none dead-lettered,
 * and the report's identity holds.
 */
class TransientFaultsTest extends ErrorChannelTestSupport {

    private static final int CUSTOMERS = 12;

    @Autowired
    MeterRegistry meters;

    @Test
    void anOutageInTheMiddleOfARunOpensTheCircuitBreakerAndEveryRecordIsProvisionedOnce() throws Exception {
        String prefix = unique("out");
        Set<CircuitBreaker.State> states = ConcurrentHashMap.newKeySet();
        circuitBreaker
                .getEventPublisher()
                .onStateTransition(e -> states.add(e.getStateTransition().getToState()));
        Path customers = write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, CUSTOMERS));

        // the server is down (HTTP 503, nothing applied) for the run's first 8 AddUser calls, whenever they come: the
        // breaker (4 calls at least, 50 % of 8) opens on any machine, however fast, and closes once calls succeed
        faults.set(FaultSettings.NONE.withFailFirst("AddUser", 8, 503));
        long addUsersBefore = stats.calls("AddUser");
        RunReport report = importFile(customers);
        assertThat(stats.calls("AddUser") - addUsersBefore)
                .as("8 refused, then one per customer")
                .isEqualTo(8 + CUSTOMERS);

        assertThat(report.in()).isEqualTo(CUSTOMERS);
        assertThat(report.created()).isEqualTo(CUSTOMERS);
        assertThat(report.failed()).isZero();
        assertThat(openDeadLettersOf(report.runId())).isZero();
        assertThat(states)
                .as("the circuit breaker opened during the outage and closed after it")
                .contains(CircuitBreaker.State.OPEN, CircuitBreaker.State.CLOSED);
        assertThat(circuitBreaker.getState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(meters.get("es.circuit.breaker.state").gauge().value()).isZero();
        assertEveryCustomerOnce(prefix);

        // the subscriptions of those customers, through a second outage
        Path subscriptions =
                write("subscriptions-" + prefix + ".csv", SUBSCRIPTIONS_HEADER, subscriptions(prefix, CUSTOMERS));
        faults.set(FaultSettings.NONE.withFailFirst("AddPackage", 8, 503));
        report = importFile(subscriptions);
        assertThat(report.created()).isEqualTo(CUSTOMERS);
        assertThat(report.failed()).isZero();
        assertEverySpaceOnce(prefix);
    }

    @Test
    void aServerAnsweringHttp500ForAThirdOfTheCallsLosesNothingAndDuplicatesNothing() throws Exception {
        String prefix = unique("h500");
        faults.set(FaultSettings.NONE.withHttpErrorShare(0.3, 500));
        RunReport customers =
                importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, CUSTOMERS)));
        RunReport spaces = importFile(
                write("subscriptions-" + prefix + ".csv", SUBSCRIPTIONS_HEADER, subscriptions(prefix, CUSTOMERS)));
        faults.clear();

        assertThat(customers.created()).isEqualTo(CUSTOMERS);
        assertThat(spaces.created()).isEqualTo(CUSTOMERS);
        assertThat(customers.failed() + spaces.failed()).isZero();
        assertThat(openDeadLettersOf(customers.runId()) + openDeadLettersOf(spaces.runId()))
                .isZero();
        assertEveryCustomerOnce(prefix);
        assertEverySpaceOnce(prefix);
    }

    @Test
    void answersSlowerThanTheClientTimeoutAreReconciledNotRepeated() throws Exception {
        String prefix = unique("slow");
        // every distinct request is answered once after 1.5 s, against the client's 1 s receive timeout: each
        // AddUser and AddPackage is applied and the client does not hear of it
        faults.set(FaultSettings.NONE.withSlowAnswers(1_500, 1.0));
        long addUsers = stats.calls("AddUser");
        long addPackages = stats.calls("AddPackage");
        RunReport customers = importFile(write("customers-" + prefix + ".csv", CUSTOMERS_HEADER, customers(prefix, 8)));
        RunReport spaces =
                importFile(write("subscriptions-" + prefix + ".csv", SUBSCRIPTIONS_HEADER, subscriptions(prefix, 8)));
        faults.clear();

        // a create whose answer was lost is found on the server on the retry (reconciled), not made again
        assertThat(customers.created()).as(customers.summary()).isEqualTo(8);
        assertThat(spaces.created()).as(spaces.summary()).isEqualTo(8);
        assertThat(customers.failed() + spaces.failed()).isZero();
        assertThat(stats.calls("AddUser") - addUsers)
                .as("one AddUser per customer")
                .isEqualTo(8);
        assertThat(stats.calls("AddPackage") - addPackages)
                .as("one AddPackage per subscription")
                .isEqualTo(8);
        // the attempt that succeeded found the object made by the attempt whose answer never came: no create of its own
        assertThat(writesOfSucceedingAttempts(customers.runId())).hasSize(8).allSatisfy(writes -> assertThat(writes)
                .as("a customer's last attempt")
                .doesNotContain("AddUser"));
        assertThat(writesOfSucceedingAttempts(spaces.runId())).hasSize(8).allSatisfy(writes -> assertThat(writes)
                .as("a subscription's last attempt")
                .doesNotContain("AddPackage"));
        for (int i = 1; i <= 8; i++) {
            assertThat(usersNamed(prefix + "u" + i)).as(prefix + "u" + i).isEqualTo(1);
            assertSpacesOf(prefix, i);
        }
    }

    /** The write calls of each record's attempt that succeeded, as the run recorded them. */
    private List<String> writesOfSucceedingAttempts(String runId) {
        return jdbc.queryForList(
                "select coalesce(operations, '') from es_record_outcome where run_id = ? and outcome" + " = 'CREATED'",
                String.class,
                runId);
    }

    private void assertEveryCustomerOnce(String prefix) {
        for (int i = 1; i <= CUSTOMERS; i++) {
            assertThat(usersNamed(prefix + "u" + i)).as(prefix + "u" + i).isEqualTo(1);
        }
    }

    private void assertEverySpaceOnce(String prefix) {
        for (int i = 1; i <= CUSTOMERS; i++) {
            assertSpacesOf(prefix, i);
        }
    }

    private void assertSpacesOf(String prefix, int i) {
        UserInfo user = client.getUserByUsername(prefix + "u" + i).orElseThrow();
        List<PackageInfo> spaces = client.getMyPackages(user.getUserId());
        assertThat(spaces).as("spaces of " + user.getUsername()).hasSize(1);
    }
}
