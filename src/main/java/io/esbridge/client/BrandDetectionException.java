package io.esbridge.client;

/**
 * The server's brand could not be found out, or contradicts the one given by hand: one sentence saying which and what
 * to change. Not an {@link EsException}: no call was made, and none should be until the settings change.
 */
public class BrandDetectionException extends RuntimeException {

    public BrandDetectionException(String sentence) {
        super(sentence);
    }

    public BrandDetectionException(String sentence, Throwable cause) {
        super(sentence, cause);
    }
}
