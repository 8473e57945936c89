package io.esbridge.feed;

import java.util.Map;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesSource;
import org.springframework.stereotype.Component;

/**
 * Serves the inbox settings of {@link FeedProperties} to Camel's placeholders ({@code {{es.feeds.poll-delay}}} ...
 * in {@code routes/feeds-inbox.yaml}), as bound: with the record's defaults when nothing sets them, with any
 * override otherwise. Without this the routes would need the defaults written again in the YAML (Camel alone sees
 * only what a property source holds, not a record's defaults), and an unset {@code es.feeds.inbox} would fail them.
 */
@Component
class InboxPlaceholders implements PropertiesSource {

    private final Map<String, Function<FeedProperties, String>> settings = Map.of(
            "es.feeds.inbox", feeds -> feeds.inbox().toString(),
            "es.feeds.poll-delay", feeds -> Long.toString(feeds.pollDelay().toMillis()),
            "es.feeds.read-lock-check-interval",
                    feeds -> Long.toString(feeds.readLockCheckInterval().toMillis()),
            "es.feeds.read-lock-release-delay",
                    feeds -> Long.toString(feeds.readLockReleaseDelay().toMillis()));

    private final FeedProperties feeds;

    InboxPlaceholders(FeedProperties feeds, CamelContext camel) {
        this.feeds = feeds;
        // before the YAML routes are loaded: they are read once the application context has been refreshed
        camel.getPropertiesComponent().addPropertiesSource(this);
    }

    @Override
    public String getName() {
        return "es-bridge-inbox-settings";
    }

    @Override
    public String getProperty(String name) {
        Function<FeedProperties, String> setting = settings.get(name);
        return setting == null ? null : setting.apply(feeds);
    }
}
