package io.esbridge.deadletter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import io.esbridge.StoreSliceTest;

/**
 * The SQL of the dead-letter table on its own (Flyway migrations, embedded H2, each test rolled back). A record that
 * fails again while open must stay one row, or the console lists it twice and a replay provisions it twice; a resolved
 * one must leave the open list but stay in its run's rejects.
 */
@StoreSliceTest
class DeadLetterStoreTest {

    @Autowired
    DeadLetterStore store;

    @Test
    void aRecordFailingAgainWhileOpenUpdatesItsRowAndKeepsItsSealedSecret() {
        store.add(failure("run-1", "C1", "first refusal", "sealed-1"));
        store.add(failure("run-2", "C1", "second refusal", null));

        assertThat(store.open()).singleElement().satisfies(d -> {
            assertThat(d.attempts()).isEqualTo(2);
            assertThat(d.runId()).as("the run that failed it last").isEqualTo("run-2");
            assertThat(d.message()).isEqualTo("second refusal");
            assertThat(d.hasSecret())
                    .as("a retry without the password keeps the one sealed before")
                    .isTrue();
            assertThat(d.lastFailedAt()).isAfterOrEqualTo(d.firstFailedAt());
            assertThat(store.encryptedSecret(d.id())).hasValue("sealed-1");
        });
    }

    @Test
    void aRecordFailingAfterItsResolutionIsANewDeadLetter() {
        store.add(failure("run-1", "C1", "refused", null));
        store.resolve("CUSTOMER", "C1");
        store.add(failure("run-2", "C1", "refused again", null));

        assertThat(store.open()).singleElement().satisfies(d -> {
            assertThat(d.runId()).isEqualTo("run-2");
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(store.ofRun("run-1")).singleElement().satisfies(d -> assertThat(d.resolvedAt())
                .isNotNull());
    }

    @Test
    void failuresWithoutABillingKeyAreNeverMerged() {
        // unparseable rows: nothing identifies them as the same record
        store.add(failure("run-1", null, "line 3: no customer_id", null));
        store.add(failure("run-1", null, "line 4: no customer_id", null));

        assertThat(store.openOfRun("run-1"))
                .extracting(DeadLetter::message)
                .containsExactly("line 3: no customer_id", "line 4: no customer_id");
    }

    @Test
    void resolveClosesOnlyTheOpenLetterOfThatTypeAndKey() {
        store.add(failure("run-1", "K1", "refused", null));
        store.add(new DeadLetterStore.Failure(
                "run-1",
                "subs.csv line 2",
                "SUBSCRIPTION",
                "K1",
                "BUSINESS",
                -1100,
                "PACKAGE_EXISTS",
                null,
                "refused",
                "{}",
                null,
                null));
        store.add(failure("run-1", "K2", "refused", null));

        store.resolve("CUSTOMER", "K1");

        assertThat(store.open())
                .extracting(DeadLetter::recordType, DeadLetter::billingKey)
                .containsExactly(tuple("SUBSCRIPTION", "K1"), tuple("CUSTOMER", "K2"));
    }

    @Test
    void openOfRunListsTheRunsOpenLettersAndOfRunAlsoItsResolvedOnes() {
        store.add(failure("run-1", "C1", "refused", null));
        store.add(failure("run-1", "C2", "refused", null));
        store.add(failure("run-2", "C3", "refused", null));
        store.resolve("CUSTOMER", "C2");

        assertThat(store.openOfRun("run-1")).extracting(DeadLetter::billingKey).containsExactly("C1");
        assertThat(store.ofRun("run-1")).extracting(DeadLetter::billingKey).containsExactly("C1", "C2");
        assertThat(store.openOfRun("run-2")).extracting(DeadLetter::billingKey).containsExactly("C3");
        assertThat(store.openOfRun("run-3")).isEmpty();
    }

    @Test
    void aMessageLongerThanItsColumnIsCutNotRefused() {
        store.add(failure("run-1", "C1", "x".repeat(DeadLetterStore.MESSAGE + 500), null));

        assertThat(store.open()).singleElement().satisfies(d -> {
            assertThat(d.message()).hasSize(DeadLetterStore.MESSAGE).endsWith("…");
        });
    }

    @Test
    void aLetterWithoutASecretHasNone() {
        store.add(failure("run-1", "C1", "refused", null));

        DeadLetter letter = store.open().get(0);
        assertThat(letter.hasSecret()).isFalse();
        assertThat(store.encryptedSecret(letter.id())).isEmpty();
        assertThat(store.encryptedSecret(letter.id() + 1000)).isEmpty();
    }

    private static DeadLetterStore.Failure failure(String runId, String key, String message, String secret) {
        return new DeadLetterStore.Failure(
                runId,
                "customers.csv line 2",
                "CUSTOMER",
                key,
                "BUSINESS",
                -100,
                "USER_ALREADY_EXISTS",
                "Username",
                message,
                "{\"password\":\"******\"}",
                "{}",
                secret);
    }
}
