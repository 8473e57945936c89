package io.esbridge.feed;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

/** A pushed JSON array or JSON Lines body, read row by row as one run (the push controller answers its id). */
@Component
public class JsonPushRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("direct:feed-push").routeId("feed-push")
                .bean("feedRuns", "openPush")
                .split(exchangeProperty(FeedHeaders.ROWS)).streaming()
                    .to("direct:feed-record")
                .end()
                .bean("feedRuns", "finish");
    }
}
