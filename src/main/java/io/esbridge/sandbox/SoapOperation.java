package io.esbridge.sandbox;

import java.util.function.BiFunction;

/**
 * One operation of one service: its request wrapper type and what the sandbox does with it.
 *
 * @param service       {@code esUsers}, {@code esPackages} or {@code esAuthentication}
 * @param name          operation name, as in the SOAPAction
 * @param requestType   generated request wrapper
 * @param authenticated needs HTTP Basic credentials (every service but esAuthentication)
 * @param handler       (caller's user id, request) to response wrapper; caller -1 for anonymous calls
 */
record SoapOperation(
        String service,
        String name,
        Class<?> requestType,
        boolean authenticated,
        BiFunction<Integer, Object, Object> handler) {}
