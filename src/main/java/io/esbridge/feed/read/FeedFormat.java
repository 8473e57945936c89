package io.esbridge.feed.read;

import java.util.Locale;

/** What a feed file holds, by its extension: which reader reads it. */
public enum FeedFormat {
    CSV(true),
    JSON(true),
    /** Its charset is the document's own (prolog, byte order mark), unless a setting names one. */
    XML(false),
    /** One {@code key=value} file ({@code .conf}, {@code .pkg}: DirectAdmin's user.conf, a package), one record. */
    KEY_VALUE(true),
    /** A {@code .tar.gz} of {@code key=value} files: compressed, so its charset cannot be detected. */
    KEY_VALUE_ARCHIVE(false);

    private final boolean detectCharset;

    FeedFormat(boolean detectCharset) {
        this.detectCharset = detectCharset;
    }

    /** Whether the file's bytes are text whose charset is detected when no setting names it. */
    public boolean detectCharset() {
        return detectCharset;
    }

    /** By extension; anything else ({@code .csv}, {@code .tsv}, {@code .txt}) is CSV, as before. */
    public static FeedFormat of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".json") || lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return JSON;
        }
        if (lower.endsWith(".xml")) {
            return XML;
        }
        if (KeyValueFeedRows.isArchive(lower)) {
            return KEY_VALUE_ARCHIVE;
        }
        if (lower.endsWith(".conf") || lower.endsWith(".pkg")) {
            return KEY_VALUE;
        }
        return CSV;
    }
}
