package io.esbridge.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import io.esbridge.record.RecordType;

/**
 * A dry run's view of the links: reads the state store, keeps its own changes in memory, so that later records of the
 * same dry run see the users and spaces it would have created, and the store is left untouched. One per process, not
 * per run: the runs of one dry-run command depend on each other (a folder's subscriptions file on its customers file,
 * a sync's subscriptions phase on its customers phase), and a service started in dry-run mode previews its file drops
 * the same way, each on top of the ones before.
 */
public class DryRunLinks implements Links {

    private final Links store;
    private final Map<String, Link> overlay = new ConcurrentHashMap<>();
    /** Cascade marks set or cleared by this dry run (an empty value: cleared). */
    private final Map<String, Optional<String>> cascades = new ConcurrentHashMap<>();

    public DryRunLinks(Links store) {
        this.store = store;
    }

    @Override
    public Optional<Link> find(RecordType type, String billingKey) {
        Link mine = overlay.get(type + ":" + billingKey);
        return mine != null ? Optional.of(mine) : store.find(type, billingKey);
    }

    @Override
    public Optional<String> billingKeyOf(RecordType type, int esId) {
        return overlay.values().stream()
                .filter(l -> l.type() == type && Integer.valueOf(esId).equals(l.esId()))
                .map(Link::billingKey)
                .findFirst()
                .or(() -> store.billingKeyOf(type, esId));
    }

    @Override
    public void recordIntent(RecordType type, String billingKey, String intentName, LinkData data, String runId) {
        put(new Link(
                type,
                billingKey,
                LinkState.PENDING,
                null,
                data.parentEsId(),
                intentName,
                data.appliedJson(),
                data.fingerprint(),
                data.passwordHash(),
                Instant.now()));
    }

    @Override
    public Link markApplied(RecordType type, String billingKey, int esId, LinkData data, String runId) {
        Link link = new Link(
                type,
                billingKey,
                LinkState.APPLIED,
                esId,
                data.parentEsId(),
                null,
                data.appliedJson(),
                data.fingerprint(),
                data.passwordHash(),
                Instant.now());
        put(link);
        return link;
    }

    @Override
    public void markDeleted(RecordType type, String billingKey, String runId) {
        find(type, billingKey)
                .ifPresent(l -> put(new Link(
                        type,
                        billingKey,
                        LinkState.DELETED,
                        l.esId(),
                        l.parentEsId(),
                        l.intentName(),
                        l.appliedJson(),
                        l.fingerprint(),
                        l.passwordHash(),
                        Instant.now())));
    }

    @Override
    public void forgetIntent(RecordType type, String billingKey) {
        overlay.remove(type + ":" + billingKey);
    }

    @Override
    public List<Link> children(RecordType type, int parentEsId) {
        Map<String, Link> found = new TreeMap<>();
        store.children(type, parentEsId).forEach(l -> found.put(l.billingKey(), l));
        overlay.values().stream().filter(l -> l.type() == type).forEach(l -> {
            if (l.applied() && Integer.valueOf(parentEsId).equals(l.parentEsId())) {
                found.put(l.billingKey(), l);
            } else {
                found.remove(l.billingKey()); // this dry run moved or deleted it
            }
        });
        return new ArrayList<>(found.values());
    }

    @Override
    public void markCascade(RecordType type, String billingKey, String resellerKey) {
        cascades.put(type + ":" + billingKey, Optional.ofNullable(resellerKey));
    }

    @Override
    public Optional<String> cascadeOf(RecordType type, String billingKey) {
        Optional<String> mine = cascades.get(type + ":" + billingKey);
        return mine != null ? mine : store.cascadeOf(type, billingKey);
    }

    private void put(Link link) {
        overlay.put(link.type() + ":" + link.billingKey(), link);
    }
}
