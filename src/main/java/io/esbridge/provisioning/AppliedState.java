package io.esbridge.provisioning;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.state.Fingerprint;
import io.esbridge.state.Link;
import io.esbridge.state.LinkData;

/**
 * What was last applied for a record, as JSON (secrets left out by the caller) and its SHA-256 fingerprint. Comparing
 * fingerprints decides "unchanged" without any call; comparing the JSON fields decides which write calls a change needs.
 */
final class AppliedState {

    private final String json;
    private final String fingerprint;

    private AppliedState(String json) {
        this.json = json;
        this.fingerprint = Fingerprint.of(json);
    }

    static AppliedState of(ObjectMapper mapper, Object record) {
        try {
            return new AppliedState(mapper.writeValueAsString(record));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialize " + record.getClass().getSimpleName(), e);
        }
    }

    /** A previously applied state read back, e.g. what a pending create sent. */
    static <T> T read(ObjectMapper mapper, String json, Class<T> type) {
        try {
            return mapper.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot read a stored " + type.getSimpleName(), e);
        }
    }

    /**
     * What a link last applied, as a tree to pick single fields from (a role, a status, an owner); null when the link
     * records nothing readable (pending, or written in an older format): the caller then asks the server or assumes.
     */
    static JsonNode tree(ObjectMapper mapper, Link link) {
        if (link.appliedJson() == null) {
            return null;
        }
        try {
            return mapper.readTree(link.appliedJson());
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** What a link records after this state was applied to an object under {@code parent}. */
    LinkData data(Integer parent, String passwordHash) {
        return new LinkData(parent, json, fingerprint, passwordHash);
    }

    String json() {
        return json;
    }

    String fingerprint() {
        return fingerprint;
    }

    boolean sameAs(String otherFingerprint) {
        return fingerprint.equals(otherFingerprint);
    }

    /** Whether a field differs from the previously applied JSON (a missing previous state differs in every field). */
    static boolean changed(ObjectMapper mapper, String previousJson, AppliedState now, String... fields) {
        try {
            JsonNode before = previousJson == null ? null : mapper.readTree(previousJson);
            JsonNode after = mapper.readTree(now.json);
            for (String field : fields) {
                if (before == null || !before.path(field).equals(after.path(field))) {
                    return true;
                }
            }
            return false;
        } catch (JsonProcessingException e) {
            return true;
        }
    }
}
