package io.esbridge.feed;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** A pushed JSON array or JSON Lines body, read row by row as one run (the push controller answers its id). */
@Component
public class JsonPushRoutes extends RouteBuilder {

    @Override
    public void configure() {
        // no stream caching: the body is the request stream, read once; a cache would spool a huge push and be
        // reset under the reader between steps
        from("direct:feed-push").routeId("feed-push").streamCache("false")
                .bean("feedRuns", "openPush")
                .split(exchangeProperty(FeedHeaders.ROWS)).streaming()
                    .to("direct:feed-record")
                .end()
                .bean("feedRuns", "finish");
    }
}
