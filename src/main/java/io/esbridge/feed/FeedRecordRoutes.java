package io.esbridge.feed;

import org.apache.camel.builder.RouteBuilder;
import org.springframework.stereotype.Component;

import io.esbridge.errors.ErrorChannelRoutes;
import io.esbridge.provisioning.ProvisioningRoutes;
import io.esbridge.record.RecordEnvelope;

/**
 * One row of any feed: mapped and validated (one record, or two when its mapping names an {@code also}), then to provisioning ({@code direct:provision}) or to the error channel
 * ({@code direct:rejected}). Both endpoints are consumed elsewhere.
 */
@Component
public class FeedRecordRoutes extends RouteBuilder {

    private final RowToRecord rowToRecord;

    public FeedRecordRoutes(RowToRecord rowToRecord) {
        this.rowToRecord = rowToRecord;
    }

    @Override
    public void configure() {
        from(FeedEndpoints.RECORD)
                .routeId("feed-record")
                .process(rowToRecord)
                // one row may be two records (a panel account: its customer, then its space), handed on in order
                .split(body())
                .choice()
                .when(body().isInstanceOf(RecordEnvelope.class))
                .to(ProvisioningRoutes.INTAKE)
                .otherwise()
                .to(ErrorChannelRoutes.REJECTED)
                .end()
                .end();
    }
}
