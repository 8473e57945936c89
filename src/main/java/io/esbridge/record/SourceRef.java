package io.esbridge.record;

/**
 * Where a record came from, precisely enough for an operator to find it: {@code customers.csv line 12},
 * {@code push 3f2a… index 4}, {@code table clients row 1001}.
 *
 * @param kind     file, push, table (or replay, for a run's own name)
 * @param name     file name, push id or table name
 * @param position line (files: the line the record starts on), index (push, from 0) or row key (table)
 */
public record SourceRef(Kind kind, String name, String position) {

    /** Where records come from; REPLAY is a re-run of dead letters, whose records keep their original source. */
    public enum Kind {
        FILE,
        PUSH,
        TABLE,
        REPLAY
    }

    public static SourceRef fileLine(String fileName, long line) {
        return new SourceRef(Kind.FILE, fileName, String.valueOf(line));
    }

    public static SourceRef pushIndex(String pushId, long index) {
        return new SourceRef(Kind.PUSH, pushId, String.valueOf(index));
    }

    public static SourceRef tableRow(String table, String rowKey) {
        return new SourceRef(Kind.TABLE, table, rowKey);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case FILE -> name + " line " + position;
            case PUSH -> "push " + name + " index " + position;
            case TABLE -> "table " + name + " row " + position;
            case REPLAY -> "replay " + name + " record " + position;
        };
    }
}
