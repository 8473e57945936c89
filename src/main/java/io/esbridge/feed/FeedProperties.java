package io.esbridge.feed;

import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.convert.DurationUnit;

/**
 * Feeds in ({@code es.feeds.*}). The inbox folders and their file options are wired in {@code routes/*.yaml}, whose
 * placeholders ({@code {{es.feeds.inbox}}}, {@code {{es.feeds.poll-delay}}} ...) Camel resolves from this record
 * ({@link InboxPlaceholders}), so that a default is written here only. A bare number of a delay is milliseconds.
 *
 * @param mappings  the folder of mapping files ({@code customers.yml} → mapping "customers")
 * @param inbox     the root of the inbox folders the routes watch
 * @param charset   the charset of files whose route and mapping name none; unset (empty): detected per file
 * @param delimiter the CSV delimiter of files whose route names none; empty: detected from the header row
 * @param push      who may push feeds over HTTP
 * @param pollDelay how often an inbox folder is listed
 * @param readLockCheckInterval how often a new file's size is checked before it counts as completely written
 * @param readLockReleaseDelay  how long after a file was moved its read lock is kept, so that another instance that
 *                              listed the file before the move cannot take it then
 * @param readLockMaxAge        how long the read lock of an instance that died mid-file lives before another instance
 *                              takes the file (inboxes shared by several instances)
 */
@ConfigurationProperties("es.feeds")
public record FeedProperties(
        @DefaultValue("config/mappings") Path mappings,
        @DefaultValue("data/inbox") Path inbox,
        Charset charset,
        @DefaultValue("") String delimiter,
        @DefaultValue Push push,
        @DefaultValue("2000") @DurationUnit(ChronoUnit.MILLIS) Duration pollDelay,
        @DefaultValue("1000") @DurationUnit(ChronoUnit.MILLIS) Duration readLockCheckInterval,
        @DefaultValue("3000") @DurationUnit(ChronoUnit.MILLIS) Duration readLockReleaseDelay,
        @DefaultValue("5m") Duration readLockMaxAge) {

    /**
     * HTTP Basic credentials of {@code POST /api/feeds/{mapping}} and {@code GET /api/runs/{id}}; with no password
     * set, every push is refused. An asynchronous push is kept in {@code spool} until it has been read.
     */
    public record Push(
            @DefaultValue("feeds") String username, String password, @DefaultValue("data/push-spool") Path spool) {

        @Override
        public String toString() {
            return "Push[username=" + username + ", password=" + (password == null ? "unset" : "******") + ", spool="
                    + spool + "]";
        }
    }
}
