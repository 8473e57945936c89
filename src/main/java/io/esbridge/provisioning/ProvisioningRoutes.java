package io.esbridge.provisioning;

import java.util.concurrent.ExecutorService;

import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Component;

import io.esbridge.deadletter.ReplayIntake;
import io.esbridge.errors.EsServerCircuitBreaker;
import io.esbridge.errors.OutcomeRecorder;
import io.esbridge.errors.ProvisioningPause;
import io.esbridge.record.RecordEnvelope;
import io.esbridge.run.RecordOutcome;
import io.esbridge.state.LinkStore;

/**
 * The provisioning job. {@code direct:provision} is the one entry point every source sends its envelopes to: it hands
 * them to the customer-ordered dispatcher (parallel across customers, in order within one, bounded queue), whose
 * workers run each record through {@code direct:provision-record} under the shared error channel.
 */
@Component
public class ProvisioningRoutes extends RouteBuilder {

    public static final String INTAKE = "direct:provision";
    static final String RECORD = "direct:provision-record";
    static final String CALL = "direct:provision-call";
    private static final String OUTCOME = "EsRecordOutcome";
    private static final String REFUSAL = "EsRefusal";

    private static final Logger LOG = LoggerFactory.getLogger(ProvisioningRoutes.class);

    private final CustomerOrderedDispatcher dispatcher;
    private final Provisioner provisioner;
    private final OutcomeRecorder outcomes;
    private final ProvisioningPause pause;

    public ProvisioningRoutes(
            CustomerOrderedDispatcher dispatcher,
            Provisioner provisioner,
            OutcomeRecorder outcomes,
            ProvisioningPause pause) {
        this.pause = pause;
        this.dispatcher = dispatcher;
        this.provisioner = provisioner;
        this.outcomes = outcomes;
    }

    @Override
    public void configure() {
        from(INTAKE)
                .routeId("provision-intake")
                .process(exchange -> dispatcher.submit(exchange.getIn().getMandatoryBody(RecordEnvelope.class)));

        // The Enterprise Server calls run inside the circuit breaker (route provision-call): while the server is down
        // it opens and records fail fast (CallNotPermittedException), which the error channel redelivers with backoff
        // like any transient error, so records wait instead of hammering the server. Camel's error handler does not
        // act inside a circuit breaker, so the breaker has a route of its own (no error handler: its failures go back
        // to the caller) and the redelivery of provision-record re-runs that step, breaker included.
        // A success is recorded where every outcome is (OutcomeRecorder: its outcome, its dead letter resolved).
        // A record the dispatcher released with a refusal (a parked customer whose owner never came) fails here, with
        // that reason, through the same error channel as any refusal: outside the breaker, which counts server faults.
        from(RECORD)
                .routeId("provision-record")
                .routeConfigurationId("es-errors")
                .process(exchange -> {
                    ProvisioningException refusal = exchange.getIn().getHeader(REFUSAL, ProvisioningException.class);
                    if (refusal != null) {
                        throw refusal;
                    }
                })
                .to(CALL)
                .process(exchange -> {
                    RecordEnvelope envelope = exchange.getIn().getMandatoryBody(RecordEnvelope.class);
                    outcomes.succeeded(envelope, exchange.getIn().getHeader(OUTCOME, RecordOutcome.class));
                    exchange.getIn().removeHeader(OUTCOME);
                    pause.callSucceeded();
                });

        from(CALL)
                .routeId("provision-call")
                .errorHandler(noErrorHandler())
                .circuitBreaker()
                .resilience4jConfiguration()
                .circuitBreaker(EsServerCircuitBreaker.BEAN)
                .throwExceptionWhenHalfOpenOrOpenState(true)
                .end()
                .process(exchange -> exchange.getIn()
                        .setHeader(
                                OUTCOME,
                                provisioner.provision(exchange.getIn().getMandatoryBody(RecordEnvelope.class))))
                .end();
    }

    /**
     * The dispatcher's workers. A record's route handles every failure itself (the error channel records it); what
     * still escapes means the state store itself failed, and is logged rather than stopping the lane.
     */
    @Bean(destroyMethod = "close")
    static CustomerOrderedDispatcher customerOrderedDispatcher(
            org.apache.camel.CamelContext camel,
            ProducerTemplate producer,
            ProvisioningProperties properties,
            LinkStore links,
            Provisioner provisioner) {
        ExecutorService workers = camel.getExecutorServiceManager()
                .newFixedThreadPool(CustomerOrderedDispatcher.class, "provisioning", properties.workers());
        return new CustomerOrderedDispatcher(
                workers,
                properties.queueCapacity(),
                links::customerKeyOfSubscription,
                provisioner::customerLinked,
                (envelope, refusal) -> {
                    try {
                        if (refusal == null) {
                            producer.sendBody(RECORD, envelope);
                        } else {
                            producer.sendBodyAndHeader(RECORD, envelope, REFUSAL, refusal);
                        }
                    } catch (RuntimeException e) {
                        LOG.error(
                                "record {} ({} {}) has no outcome: the state store refused it: {}",
                                envelope.source(),
                                envelope.type(),
                                envelope.billingKey(),
                                e.getMessage());
                    }
                });
    }

    /** A replay hands its envelopes to the intake as any source does (the replay cannot name this class: see there). */
    @Bean
    static ReplayIntake replayIntake(ProducerTemplate producer) {
        return envelope -> producer.sendBody(INTAKE, envelope);
    }
}
