package io.esbridge.feed.read;

import java.util.Map;

import io.esbridge.record.SourceRef;

/**
 * One row of a feed as read: where it starts and its values by column or JSON path. {@code problem} says why a row
 * could be read but not understood (wrong number of fields, not a JSON object); such a row is rejected on its own.
 */
public record SourcedRow(SourceRef source, Map<String, String> values, String problem) {

    public static SourcedRow of(SourceRef source, Map<String, String> values) {
        return new SourcedRow(source, values, null);
    }
}
