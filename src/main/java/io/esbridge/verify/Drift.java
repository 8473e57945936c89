package io.esbridge.verify;

import io.esbridge.record.RecordType;

/**
 * One difference between what es-bridge last applied for a linked record and what the panel holds now. Values are the
 * fields verify compares (plan, status, e-mail, quantity, name): never a password, which the link does not keep.
 *
 * @param esId    the panel object's id, as the link has it
 * @param field   the field that differs; {@code object} for an object gone from the panel
 * @param applied what es-bridge last applied
 * @param panel   what the panel holds now (null when the object is missing)
 */
public record Drift(
        Kind kind, RecordType type, String billingKey, int esId, String field, String applied, String panel) {

    public enum Kind {
        /** The object the link names is gone from the panel (deleted by hand, or by another tool). */
        MISSING,
        /** The object is there, but a field differs from what es-bridge applied. */
        CHANGED
    }

    static Drift missing(RecordType type, String billingKey, int esId) {
        return new Drift(Kind.MISSING, type, billingKey, esId, "object", "id " + esId, null);
    }

    static Drift changed(RecordType type, String billingKey, int esId, String field, String applied, String panel) {
        return new Drift(Kind.CHANGED, type, billingKey, esId, field, applied, panel);
    }

    String line() {
        return kind == Kind.MISSING
                ? "MISSING " + type + " " + billingKey + ": id " + esId + " is gone from the panel"
                : "CHANGED " + type + " " + billingKey + " (id " + esId + "): " + field + " applied '" + applied
                        + "', panel '" + panel + "'";
    }
}
