package io.esbridge.feed.read;

/** A feed that cannot be read at all (not CSV or JSON, wrong encoding, no header): the file is set aside. */
public class FeedUnreadableException extends RuntimeException {

    public FeedUnreadableException(String message, Throwable cause) {
        super(message, cause);
    }

    public FeedUnreadableException(String message) {
        super(message);
    }
}
