package io.esbridge.client;

import javax.xml.transform.TransformerFactory;

import org.apache.cxf.Bus;
import org.apache.cxf.ws.policy.PolicyEngine;
import org.apache.cxf.ws.policy.PolicyEngineImpl;

/**
 * Settings that decide how much CPU each SOAP call costs. The JVM-wide ones are set once, before the first call, and
 * only when the operator has not set them.
 * <ul>
 * <li>{@code http.maxConnections}: {@code HttpURLConnection} keeps at most 5 idle connections per server by
 * default; with more calls in flight every further call would open (and the server accept) a new TCP connection.
 * <li>{@code javax.xml.transform.TransformerFactory}: JAXB builds a new TransformerFactory for every DataSet it reads
 * (AddPackage's ExceedingQuotas, the sync's reads), and each lookup scans every jar on the class path for a
 * service file. Pinning the factory the lookup finds keeps the same implementation and drops the scan.
 * <li>The bus's WS-Policy engine (on the class path through camel-cxf-soap's WS-Addressing) is switched off: an ASMX
 * server publishes no WS-Policy, and the engine would walk empty policies on every message.
 * </ul>
 */
final class ClientCpu {

    private static final String KEEP_ALIVE = "http.maxConnections";
    private static final String TRANSFORMER_FACTORY = TransformerFactory.class.getName();

    private ClientCpu() {}

    static synchronized void economise(int maxInFlight, Bus bus) {
        if (bus.getExtension(PolicyEngine.class) instanceof PolicyEngineImpl policies) {
            policies.setEnabled(false);
        }
        if (System.getProperty(KEEP_ALIVE) == null) {
            // twice the slots: a call's connection is back in the pool only once its answer is read, after its slot
            System.setProperty(KEEP_ALIVE, Integer.toString(Math.max(5, 2 * maxInFlight)));
        }
        if (System.getProperty(TRANSFORMER_FACTORY) == null) {
            System.setProperty(
                    TRANSFORMER_FACTORY,
                    TransformerFactory.newInstance().getClass().getName());
        }
    }
}
