package io.esbridge.feed.read;

import java.nio.charset.Charset;

/**
 * The charset a feed is read in and where that came from, for the run report ({@code "charset"}, {@code
 * "charsetFrom"}) and for the error that says which setting to change when the text does not fit it.
 *
 * @param from     who said so: a setting ({@code es.feeds.charset}, the route's {@code EsFeedCharset} header, the
 *                 mapping's {@code charset}, the push's {@code Content-Type}) or how it was detected
 * @param change   what to change when the text turns out not to be in this charset
 * @param declared whether a setting named it (not detected)
 */
public record FeedCharset(Charset charset, String from, String change, boolean declared) {

    /** A charset a setting names. */
    public static FeedCharset declared(Charset charset, String setting, String change) {
        return new FeedCharset(charset, setting, change, true);
    }

    public String name() {
        return charset.name();
    }
}
