package io.esbridge.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;

import io.esbridge.client.Brand;

/**
 * The floor of a SOAP call's cost: a pre-rendered UserExists request posted with {@code HttpURLConnection} (the
 * transport es-bridge's client uses, keep-alive included), the answer read and thrown away. No XML is written or
 * parsed, so what es-bridge spends beyond this per call is its own (CXF, JAXB, interceptors, the limit).
 */
final class RawSoapClient {

    private final URL url;
    private final String soapAction;
    private final byte[] request;

    RawSoapClient(String base, Brand brand, String username) {
        String root = base.endsWith("/") ? base : base + "/";
        try {
            this.url = URI.create(root + "esUsers.asmx").toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.soapAction = "\"" + brand.namespace() + "/UserExists\"";
        this.request = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                        + "<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>"
                        + "<UserExists xmlns=\"" + brand.namespace() + "\"><username>" + username
                        + "</username></UserExists></soap:Body></soap:Envelope>")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** One call; the answer's status (200 for an answer). */
    int call() {
        try {
            HttpURLConnection http = (HttpURLConnection) url.openConnection();
            http.setRequestMethod("POST");
            http.setDoOutput(true);
            http.setFixedLengthStreamingMode(request.length);
            http.setRequestProperty("Content-Type", "text/xml; charset=UTF-8");
            http.setRequestProperty("SOAPAction", soapAction);
            http.setRequestProperty("Authorization", SandboxAdmin.ADMIN);
            try (OutputStream out = http.getOutputStream()) {
                out.write(request);
            }
            int status = http.getResponseCode();
            try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
                if (in != null) {
                    in.readAllBytes(); // read to the end, so that the connection goes back to the keep-alive pool
                }
            }
            return status;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
