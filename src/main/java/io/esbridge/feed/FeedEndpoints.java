package io.esbridge.feed;

/**
 * The internal endpoints of the feeds, named once: the Java routes consume them under these names, and every caller
 * (the push controller, the one-shot import, the billing sync, tests) sends to them by these constants, so that a
 * renamed endpoint cannot leave a sender talking to nothing. The inbox routes of {@code routes/feeds-inbox.yaml} are
 * edited by operators and cannot use a Java constant: they spell {@link #FILE} out, as its documentation says.
 * The headers the routes share are named in {@link FeedHeaders}.
 */
public final class FeedEndpoints {

    /** A dropped file (body: the {@code File}), imported once by content as one run. */
    public static final String FILE = "direct:feed-file";
    /** One row of any feed ({@code SourcedRow}): mapped and validated, then provisioned or rejected. */
    public static final String RECORD = "direct:feed-record";
    /** A pushed JSON body, read as one run before the caller is answered. */
    public static final String PUSH = "direct:feed-push";
    /** A pushed JSON body, opened and checked in the caller's thread, then queued and read in order. */
    public static final String PUSH_ASYNC = "direct:feed-push-async";

    private FeedEndpoints() {}
}
