package io.esbridge.feed;

import java.nio.charset.Charset;
import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Feeds in ({@code es.feeds.*}). The inbox folders and their file options are wired in {@code routes/*.yaml}.
 *
 * @param mappings  the folder of mapping files ({@code customers.yml} → mapping "customers")
 * @param inbox     the root of the inbox folders the routes watch
 * @param charset   the charset of files whose route and mapping name none; unset (empty): detected per file
 * @param delimiter the CSV delimiter of files whose route names none; empty: detected from the header row
 * @param push      who may push feeds over HTTP
 */
@ConfigurationProperties("es.feeds")
public record FeedProperties(
        @DefaultValue("config/mappings") Path mappings,
        @DefaultValue("data/inbox") Path inbox,
        Charset charset,
        @DefaultValue("") String delimiter,
        @DefaultValue Push push) {

    /**
     * HTTP Basic credentials of {@code POST /api/feeds/{mapping}} and {@code GET /api/runs/{id}}; with no password
     * set, every push is refused. An asynchronous push is kept in {@code spool} until it has been read.
     */
    public record Push(@DefaultValue("feeds") String username, String password,
            @DefaultValue("data/push-spool") Path spool) {

        @Override
        public String toString() {
            return "Push[username=" + username + ", password=" + (password == null ? "unset" : "******")
                    + ", spool=" + spool + "]";
        }
    }
}
