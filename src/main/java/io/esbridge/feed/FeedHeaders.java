package io.esbridge.feed;

/** Headers and exchange properties the feed routes share with the operator-editable routes of {@code routes/}. */
public final class FeedHeaders {

    /** Header: the mapping of the feed ({@code customers}); when absent, the file name's prefix chooses it. */
    public static final String MAPPING = "EsFeedMapping";
    /** Header: the encoding of a file, overriding {@code es.feeds.charset}. */
    public static final String CHARSET = "EsFeedCharset";
    /** Header: the CSV delimiter of a file, overriding {@code es.feeds.delimiter}. */
    public static final String DELIMITER = "EsFeedDelimiter";
    /** Header: SHA-256 of a file's content, the key that keeps a file from being imported twice. */
    public static final String DIGEST = "EsFeedDigest";
    /** Header and property: the run the feed's records belong to. */
    public static final String RUN_ID = "EsRunId";
    /**
     * Header: the name the processed file gets in {@code done/} ({@code <yyyyMMdd-HHmmss>-<name>}), set by
     * {@code direct:feed-file}; the inbox routes move the file there ({@code move: done/${header.EsFeedDoneName}}) and
     * its report and rejects file are written beside it under the same name.
     */
    public static final String DONE_NAME = "EsFeedDoneName";
    /** Header: the rows read from the feed, once it has been read to the end. */
    public static final String RECORDS_READ = "EsRecordsRead";

    /** Header: {@code true} imports the file even when the same content was imported before (import --again). */
    public static final String REIMPORT = "EsFeedReimport";
    /** A file whose name starts with this is imported even when the same content was imported before. */
    public static final String REIMPORT_PREFIX = "reimport-";

    static final String ROWS = "EsFeedRows";
    /** Property: the {@code .error.txt} note written for a file that could not be read (a {@code Path}). */
    public static final String FAILED_NOTE = "EsFeedFailedNote";
    /** Property: the {@code FeedMapper} of the feed, read by {@code direct:feed-record} (the billing sync sets it). */
    public static final String MAPPER = "EsFeedMapper";

    private FeedHeaders() {}
}
