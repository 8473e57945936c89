package io.esbridge.feed;

import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.RouteDefinition;
import org.springframework.stereotype.Component;

/**
 * A pushed JSON array or JSON Lines body, read row by row as one run (the push controller answers its id).
 * <p>
 * Synchronously ({@code direct:feed-push}) the caller's thread reads the rows and the run is closed, every record
 * provisioned, before the answer. Asynchronously ({@code direct:feed-push-async}) the run is opened and the body's
 * start checked in the caller's thread, so that a wrong mapping or a body that is not JSON is still answered 400; then
 * the run goes into a queue and the caller is answered at once. Queued pushes are read one after the other, in the
 * order they came, each only once the one before is provisioned: subscriptions pushed after their customers find
 * them. When {@value #QUEUE_SIZE} pushes wait, the next caller waits for room.
 */
@Component
public class JsonPushRoutes extends RouteBuilder {

    static final int QUEUE_SIZE = 100;
    /** The queue hands the run's closing over to its consumer (the caller's exchange is done at once). */
    private static final String QUEUE =
            "seda:feed-push-queued?size=" + QUEUE_SIZE + "&blockWhenFull=true&waitForTaskToComplete=Never";

    private final FeedRuns runs;

    public JsonPushRoutes(FeedRuns runs) {
        this.runs = runs;
    }

    @Override
    public void configure() {
        // no stream caching: the body is the request stream (or its spooled copy), read once; a cache would spool a
        // huge push and be reset under the reader between steps
        readRows(from(FeedEndpoints.PUSH)
                .routeId("feed-push")
                .streamCache("false")
                .process(runs::openPush));
        from(FeedEndpoints.PUSH_ASYNC)
                .routeId("feed-push-async")
                .streamCache("false")
                .process(runs::openPush)
                .to(QUEUE);
        readRows(from(QUEUE).routeId("feed-push-queued").streamCache("false"));
    }

    private void readRows(RouteDefinition route) {
        route.split(exchangeProperty(FeedHeaders.ROWS))
                .streaming()
                .to(FeedEndpoints.RECORD)
                .end()
                .process(runs::finish);
    }
}
