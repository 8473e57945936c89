package io.esbridge.sync;

import io.esbridge.record.RecordType;

/**
 * A customer or subscription linked on the server that billing no longer has, and what the sync did about it.
 *
 * @param action  REPORTED (es.sync.disappeared=REPORT), else the outcome of its status change: SUSPENDED or
 *                CANCELLED (in a dry run: would be), UNCHANGED (nothing to change), or FAILED
 * @param message why it failed, or null
 */
public record Disappeared(RecordType type, String billingKey, Integer esId, String action, String message) {}
