package io.esbridge.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Function;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

/**
 * A bare HTTP server on a loopback port that records exactly what a SOAP client put on the wire (protocol, headers,
 * body) and answers with what the test scripts. It knows nothing of SOAP itself, so it cannot agree with the client
 * on a wrong format.
 */
final class WireCapture implements AutoCloseable {

    /** One request as it arrived. */
    record Request(String method, String path, String protocol, Headers headers, byte[] body) {

        String header(String name) {
            return headers.getFirst(name);
        }

        /** The first element inside soap:Body. */
        Element bodyContent() {
            try {
                DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
                factory.setNamespaceAware(true);
                Document envelope = factory.newDocumentBuilder().parse(new ByteArrayInputStream(body));
                Element soapBody = (Element)
                        envelope.getElementsByTagNameNS(SOAP_ENV, "Body").item(0);
                for (Node n = soapBody.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n instanceof Element e) {
                        return e;
                    }
                }
                throw new AssertionError("empty soap:Body");
            } catch (Exception e) {
                throw new AssertionError("request body is not a SOAP envelope: " + bodyText(), e);
            }
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** What to answer. */
    record Answer(int status, String contentType, String body, Duration delay) {

        static Answer soap(String envelope) {
            return new Answer(200, "text/xml; charset=utf-8", envelope, Duration.ZERO);
        }

        static Answer status(int status, String contentType, String body) {
            return new Answer(status, contentType, body, Duration.ZERO);
        }

        Answer after(Duration wait) {
            return new Answer(status, contentType, body, wait);
        }
    }

    static final String SOAP_ENV = "http://schemas.xmlsoap.org/soap/envelope/";

    static {
        // The JDK server otherwise leaves Nagle's algorithm on: every answer then waits ~40 ms for a delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
    private final java.util.concurrent.atomic.AtomicInteger maxInFlight =
            new java.util.concurrent.atomic.AtomicInteger();
    private volatile Function<Request, Answer> answers;

    WireCapture(Function<Request, Answer> answers) throws IOException {
        this.answers = answers;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", exchange -> {
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    exchange.getProtocol(),
                    exchange.getRequestHeaders(),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            Answer answer = this.answers.apply(request);
            sleep(answer.delay());
            inFlight.decrementAndGet();
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.contentType());
            exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            } catch (IOException clientWentAway) {
                // a client that timed out has closed the connection; nothing to answer
            }
        });
        server.start();
    }

    void answerWith(Function<Request, Answer> newAnswers) {
        this.answers = newAnswers;
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
    }

    List<Request> requests() {
        return requests;
    }

    /** The requests being answered now. */
    int inFlight() {
        return inFlight.get();
    }

    /** The most requests that were being answered at the same moment. */
    int maxInFlight() {
        return maxInFlight.get();
    }

    Request last() {
        return requests.get(requests.size() - 1);
    }

    /** A SOAP 1.1 envelope around the given body content. */
    static String envelope(String bodyContent) {
        return "<?xml version=\"1.0\" encoding=\"utf-8\"?><soap:Envelope xmlns:soap=\"" + SOAP_ENV + "\""
                + " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xmlns:xsd=\"http://www.w3.org/2001/XMLSchema\"><soap:Body>" + bodyContent
                + "</soap:Body></soap:Envelope>";
    }

    /** An ASMX fault as IIS sends it (HTTP 500). */
    static Answer fault(String code, String text) {
        return new Answer(
                500,
                "text/xml; charset=utf-8",
                envelope("<soap:Fault><faultcode>soap:" + code + "</faultcode><faultstring>" + text
                        + "</faultstring><detail /></soap:Fault>"),
                Duration.ZERO);
    }

    static Map<String, String> parameters(Element wrapper) {
        java.util.Map<String, String> values = new java.util.LinkedHashMap<>();
        for (Node n = wrapper.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                values.put(e.getLocalName(), e.getTextContent());
            }
        }
        return values;
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
