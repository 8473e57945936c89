package io.esbridge.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import io.esbridge.StoreSliceTest;
import io.esbridge.record.RecordType;

/**
 * The SQL of the link table on its own: the Flyway migrations on an embedded H2, no server, no routes. What each
 * statement may touch is what keeps a crash from creating an object twice (a PENDING intent survives until reconciled)
 * and an add-on from landing under someone else's user (only APPLIED links answer a lookup). Each test rolls back.
 */
@StoreSliceTest
class LinkStoreTest {

    private static final LinkData CUSTOMER = new LinkData(null, "{\"username\":\"ann\"}", "fp-1", "hash-1");

    @Autowired
    LinkStore links;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anIntentIsPendingWithItsNameAndNoIdUntilMarkedAppliedWhichUpdatesTheSameRow() {
        links.recordIntent(RecordType.CUSTOMER, "C1", "ann", CUSTOMER, "run-1");

        Link pending = links.find(RecordType.CUSTOMER, "C1").orElseThrow();
        assertThat(pending.state()).isEqualTo(LinkState.PENDING);
        assertThat(pending.esId()).isNull();
        assertThat(pending.intentName()).isEqualTo("ann");

        LinkData applied = new LinkData(null, "{\"username\":\"ann\",\"email\":\"a@example.com\"}", "fp-2", "hash-2");
        links.markApplied(RecordType.CUSTOMER, "C1", 42, applied, "run-2");

        Link link = links.find(RecordType.CUSTOMER, "C1").orElseThrow();
        assertThat(link.state()).isEqualTo(LinkState.APPLIED);
        assertThat(link.esId()).isEqualTo(42);
        assertThat(link.data()).isEqualTo(applied);
        assertThat(link.intentName())
                .as("the row of the intent, updated in place")
                .isEqualTo("ann");
        assertThat(rows("C1")).isEqualTo(1);
        assertThat(lastRun("C1")).isEqualTo("run-2");
    }

    @Test
    void markAppliedWithoutAnIntentInsertsTheLink() {
        // an adopted object: found on the server, never announced by this bridge
        links.markApplied(RecordType.SUBSCRIPTION, "S1", 7, new LinkData(42, null, null, null), "run-1");

        Link link = links.find(RecordType.SUBSCRIPTION, "S1").orElseThrow();
        assertThat(link.state()).isEqualTo(LinkState.APPLIED);
        assertThat(link.esId()).isEqualTo(7);
        assertThat(link.parentEsId()).isEqualTo(42);
        assertThat(link.intentName()).isNull();
        assertThat(rows("S1")).isEqualTo(1);
    }

    @Test
    void aSecondIntentForTheSameKeyIsRefusedByTheTable() {
        links.recordIntent(RecordType.CUSTOMER, "C1", "ann", CUSTOMER, "run-1");

        assertThatThrownBy(() -> links.recordIntent(RecordType.CUSTOMER, "C1", "ann", CUSTOMER, "run-2"))
                .isInstanceOf(DuplicateKeyException.class);
        // the same key under another type is another link
        links.recordIntent(RecordType.SUBSCRIPTION, "C1", "ann space", CUSTOMER, "run-2");
        assertThat(links.find(RecordType.SUBSCRIPTION, "C1")).isPresent();
    }

    @Test
    void forgetIntentDeletesOnlyAPendingLink() {
        links.recordIntent(RecordType.CUSTOMER, "PENDING-1", "ann", CUSTOMER, "run-1");
        links.markApplied(RecordType.CUSTOMER, "APPLIED-1", 42, CUSTOMER, "run-1");
        links.markApplied(RecordType.CUSTOMER, "DELETED-1", 43, CUSTOMER, "run-1");
        links.markDeleted(RecordType.CUSTOMER, "DELETED-1", "run-2");

        for (String key : new String[] {"PENDING-1", "APPLIED-1", "DELETED-1"}) {
            links.forgetIntent(RecordType.CUSTOMER, key);
        }

        assertThat(links.find(RecordType.CUSTOMER, "PENDING-1")).isEmpty();
        assertThat(links.find(RecordType.CUSTOMER, "APPLIED-1"))
                .as("a link to an object that exists is never forgotten")
                .hasValueSatisfying(l -> assertThat(l.state()).isEqualTo(LinkState.APPLIED));
        assertThat(links.find(RecordType.CUSTOMER, "DELETED-1"))
                .hasValueSatisfying(l -> assertThat(l.state()).isEqualTo(LinkState.DELETED));
    }

    @Test
    void billingKeyOfAnswersOnlyForAnAppliedLinkOfThatType() {
        links.markApplied(RecordType.CUSTOMER, "C-APPLIED", 42, CUSTOMER, "run-1");
        links.markApplied(RecordType.CUSTOMER, "C-DELETED", 43, CUSTOMER, "run-1");
        links.markDeleted(RecordType.CUSTOMER, "C-DELETED", "run-2");

        assertThat(links.billingKeyOf(RecordType.CUSTOMER, 42)).hasValue("C-APPLIED");
        assertThat(links.billingKeyOf(RecordType.CUSTOMER, 43))
                .as("a deleted link frees its id for adoption")
                .isEmpty();
        assertThat(links.billingKeyOf(RecordType.SUBSCRIPTION, 42))
                .as("ids of users and packages are separate sequences")
                .isEmpty();
    }

    @Test
    void markDeletedKeepsTheIdAndRecordsTheRun() {
        links.markApplied(RecordType.CUSTOMER, "C1", 42, CUSTOMER, "run-1");

        links.markDeleted(RecordType.CUSTOMER, "C1", "run-2");

        Link link = links.find(RecordType.CUSTOMER, "C1").orElseThrow();
        assertThat(link.state()).isEqualTo(LinkState.DELETED);
        assertThat(link.esId()).isEqualTo(42);
        assertThat(lastRun("C1")).isEqualTo("run-2");
        assertThat(links.count(RecordType.CUSTOMER, LinkState.DELETED)).isEqualTo(1);
        assertThat(links.count(RecordType.CUSTOMER, LinkState.APPLIED)).isZero();
    }

    @Test
    void customerKeyOfSubscriptionFollowsTheSpacesUserToItsAppliedCustomer() {
        links.markApplied(RecordType.CUSTOMER, "C1", 42, CUSTOMER, "run-1");
        links.markApplied(RecordType.SUBSCRIPTION, "S1", 7, new LinkData(42, null, null, null), "run-1");
        // a package id equal to the user id must not be mistaken for it: the join is on the customer's type
        links.markApplied(RecordType.SUBSCRIPTION, "S-OTHER", 42, new LinkData(99, null, null, null), "run-1");

        assertThat(links.customerKeyOfSubscription("S1")).hasValue("C1");
        assertThat(links.customerKeyOfSubscription("S-OTHER"))
                .as("no customer linked to user 99")
                .isEmpty();
        assertThat(links.customerKeyOfSubscription("S-UNKNOWN")).isEmpty();

        links.markDeleted(RecordType.CUSTOMER, "C1", "run-2");
        assertThat(links.customerKeyOfSubscription("S1"))
                .as("a deleted customer is no home for an add-on")
                .isEmpty();
    }

    @Test
    void customerKeyOfSubscriptionAnswersForAPendingSubscriptionUnderAnAppliedCustomer() {
        // the subscription's intent already names the user it is created under
        links.markApplied(RecordType.CUSTOMER, "C1", 42, CUSTOMER, "run-1");
        links.recordIntent(RecordType.SUBSCRIPTION, "S1", "ann space", new LinkData(42, null, null, null), "run-1");

        assertThat(links.customerKeyOfSubscription("S1")).hasValue("C1");
    }

    private long rows(String billingKey) {
        return jdbc.queryForObject("select count(*) from es_link where billing_key = ?", Long.class, billingKey);
    }

    private String lastRun(String billingKey) {
        return jdbc.queryForObject("select last_run_id from es_link where billing_key = ?", String.class, billingKey);
    }

    @Test
    void childrenAreTheAppliedLinksUnderAParentAndACascadeMarkOutlivesTheNextApply() {
        links.markApplied(RecordType.CUSTOMER, "R1", 10, new LinkData(1, "{}", "fp", null), "run-1");
        links.markApplied(RecordType.CUSTOMER, "C1", 11, new LinkData(10, "{}", "fp", null), "run-1");
        links.markApplied(RecordType.CUSTOMER, "C2", 12, new LinkData(10, "{}", "fp", null), "run-1");
        links.recordIntent(RecordType.CUSTOMER, "C3", "carl", new LinkData(10, "{}", "fp", null), "run-1");
        links.markApplied(RecordType.SUBSCRIPTION, "S1", 50, new LinkData(10, "{}", "fp", null), "run-1");

        assertThat(links.children(RecordType.CUSTOMER, 10))
                .as("applied customers under user 10, not a pending one nor its spaces")
                .extracting(Link::billingKey)
                .containsExactly("C1", "C2");

        links.markCascade(RecordType.CUSTOMER, "C1", "R1");
        links.markApplied(
                RecordType.CUSTOMER, "C1", 11, new LinkData(10, "{\"status\":\"ACTIVE\"}", "fp-2", null), "r2");
        assertThat(links.cascadeOf(RecordType.CUSTOMER, "C1"))
                .as("the customer's own next record keeps its reseller's mark")
                .contains("R1");
        assertThat(links.cascadeOf(RecordType.CUSTOMER, "C2")).isEmpty();

        links.markCascade(RecordType.CUSTOMER, "C1", null);
        assertThat(links.cascadeOf(RecordType.CUSTOMER, "C1")).isEmpty();
    }
}
