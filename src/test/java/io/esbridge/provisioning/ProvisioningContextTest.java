package io.esbridge.provisioning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;

import io.esbridge.client.BusinessErrorCodes;
import io.esbridge.client.ErrorKind;
import io.esbridge.client.EsBusinessException;
import io.esbridge.client.EsTransientException;
import io.esbridge.record.RecordType;
import io.esbridge.state.Link;
import io.esbridge.state.LinkData;
import io.esbridge.state.LinkState;
import io.esbridge.state.Links;

/** The create protocol, without a server: intent before the call, link after it, the intent dropped on a refusal. */
class ProvisioningContextTest {

    private static final LinkData DATA = new LinkData(7, "{}", "fp", null);

    @Test
    void aCreateAnnouncedByAnotherRunAtTheSameMomentIsNotMadeTwice() {
        RecordingLinks links = new RecordingLinks() {
            @Override
            public void recordIntent(
                    RecordType type, String billingKey, String intentName, LinkData data, String runId) {
                throw new DuplicateKeyException("es_link primary key");
            }
        };
        AtomicInteger calls = new AtomicInteger();
        ProvisioningContext ctx = new ProvisioningContext("run-1", false, links);

        assertThatThrownBy(() -> ctx.create("AddUser", RecordType.CUSTOMER, "C1", "ann", DATA, calls::incrementAndGet))
                .isInstanceOfSatisfying(ProvisioningException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ProvisioningException.Reason.CREATE_IN_PROGRESS);
                    assertThat(e.getMessage())
                            .contains("AddUser")
                            .contains("C1")
                            .contains("not made twice");
                });
        assertThat(calls).as("no call").hasValue(0);
        assertThat(ctx.operations()).isEmpty();
    }

    @Test
    void theIntentComesBeforeTheCallAndTheLinkAfterIt() {
        RecordingLinks links = new RecordingLinks();
        ProvisioningContext ctx = new ProvisioningContext("run-1", false, links);

        Link link = ctx.create("AddPackage", RecordType.SUBSCRIPTION, "S1", "site", DATA, () -> {
            links.events.add("call");
            return 42;
        });

        assertThat(links.events).containsExactly("intent S1 site", "call", "applied S1 42");
        assertThat(link.esId()).isEqualTo(42);
        assertThat(link.parentEsId()).isEqualTo(7);
        assertThat(ctx.operations()).containsExactly("AddPackage");
    }

    @Test
    void aRefusalDropsTheIntentAndATransientFailureKeepsIt() {
        RecordingLinks links = new RecordingLinks();
        ProvisioningContext ctx = new ProvisioningContext("run-1", false, links);

        assertThatThrownBy(() -> ctx.create("AddUser", RecordType.CUSTOMER, "C1", "ann", DATA, () -> {
                    throw new EsBusinessException("AddUser", BusinessErrorCodes.of(-101), List.of());
                }))
                .isInstanceOf(EsBusinessException.class);
        assertThat(links.events).containsExactly("intent C1 ann", "forget C1");

        links.events.clear();
        assertThatThrownBy(() -> ctx.create("AddUser", RecordType.CUSTOMER, "C2", "bob", DATA, () -> {
                    throw new EsTransientException("AddUser", "timeout", null);
                }))
                .isInstanceOfSatisfying(
                        EsTransientException.class, e -> assertThat(e.kind()).isEqualTo(ErrorKind.TRANSIENT));
        assertThat(links.events)
                .as("the call may have been applied: reconciled next time")
                .containsExactly("intent C2 bob");
    }

    /** Links that only note what was asked of them. */
    static class RecordingLinks implements Links {
        final List<String> events = new ArrayList<>();

        @Override
        public Optional<Link> find(RecordType type, String billingKey) {
            return Optional.empty();
        }

        @Override
        public Optional<String> billingKeyOf(RecordType type, int esId) {
            return Optional.empty();
        }

        @Override
        public void recordIntent(RecordType type, String billingKey, String intentName, LinkData data, String runId) {
            events.add("intent " + billingKey + " " + intentName);
        }

        @Override
        public Link markApplied(RecordType type, String billingKey, int esId, LinkData data, String runId) {
            events.add("applied " + billingKey + " " + esId);
            return new Link(
                    type,
                    billingKey,
                    LinkState.APPLIED,
                    esId,
                    data.parentEsId(),
                    null,
                    data.appliedJson(),
                    data.fingerprint(),
                    data.passwordHash(),
                    null);
        }

        @Override
        public void markDeleted(RecordType type, String billingKey, String runId) {
            events.add("deleted " + billingKey);
        }

        @Override
        public void forgetIntent(RecordType type, String billingKey) {
            events.add("forget " + billingKey);
        }

        @Override
        public List<Link> children(RecordType type, int parentEsId) {
            return List.of();
        }

        @Override
        public void markCascade(RecordType type, String billingKey, String resellerKey) {
            events.add("cascade " + billingKey + " " + resellerKey);
        }

        @Override
        public Optional<String> cascadeOf(RecordType type, String billingKey) {
            return Optional.empty();
        }
    }
}
