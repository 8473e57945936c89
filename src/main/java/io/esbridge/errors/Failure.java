package io.esbridge.errors;

import io.esbridge.client.EsBusinessException;
import io.esbridge.client.EsException;

/**
 * Why a record failed, in the terms the dead-letter store, the run report and an operator use.
 *
 * @param kind    BUSINESS, FAULT, AUTHENTICATION, CONFIGURATION, TRANSIENT (retries exhausted), VALIDATION, or a
 *                provisioning reason such as CUSTOMER_NOT_PROVISIONED
 * @param code    the BusinessErrorCode, when the server gave one
 * @param name    the code's constant name, or a short name of the error
 * @param message one readable sentence
 */
public record Failure(String kind, Integer code, String name, String message) {

    public static Failure of(Throwable error) {
        if (error instanceof EsBusinessException business) {
            return new Failure(business.kind().name(), business.code(), business.constantName(), business.getMessage());
        }
        if (error instanceof EsException es) {
            return new Failure(es.kind().name(), null, es.getClass().getSimpleName(), es.getMessage());
        }
        if (error instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
            return new Failure(
                    "TRANSIENT",
                    null,
                    "CIRCUIT_OPEN",
                    "the Enterprise Server stayed unreachable (circuit" + " breaker open) until the retries ran out");
        }
        if (error instanceof RecordRefusal refused) {
            return new Failure("PROVISIONING", null, refused.reasonName(), refused.getMessage());
        }
        return new Failure("INTERNAL", null, error.getClass().getSimpleName(), String.valueOf(error.getMessage()));
    }
}
