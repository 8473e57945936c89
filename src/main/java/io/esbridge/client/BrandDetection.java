package io.esbridge.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.xml.stream.XMLStreamException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.esbridge.contract.UserInfo;

/**
 * Finds out a server's brand and version by reading its {@code esUsers.asmx?WSDL} (target namespace, the members
 * UserInfo declares, the parameters of AddUser), and checks a brand given by hand against it. This matters because
 * a server ignores what it does not know: a wrong namespace on a real server provisions users with default values,
 * and a password sent where the version does not read it creates users without it, all without an error.
 * The WSDL is fetched with the client's credentials, timeouts and trust store. Plain static methods, so that any
 * client (the target's, a migration source's) can use them.
 */
public final class BrandDetection {

    private static final Logger log = LoggerFactory.getLogger(BrandDetection.class);

    private BrandDetection() {}

    /**
     * The settings with {@code auto} replaced by the detected brand (and AddUser shape), or a brand given by hand
     * checked against the WSDL. Logs one line saying what was found.
     *
     * @param setting the name the sentences give the brand setting, e.g. {@code es.server.brand}
     * @throws BrandDetectionException when auto cannot find the brand out, or the given brand contradicts the WSDL
     */
    public static EsServerProperties resolve(EsServerProperties server, String setting) {
        if (server.brand().auto()) {
            Detection detection = detect(server);
            log.info("{}=auto: the Enterprise Server at {} is {}", setting, shown(server.url()), detection.line());
            return server.withBrand(detection.brand(), detection.shape());
        }
        WsdlFacts facts;
        try {
            facts = look(server);
        } catch (BrandDetectionException cannotLook) {
            // the brand is known without the WSDL (some proxies block ?WSDL), and the first call reports a server
            // that cannot be reached: refusing to start here would only make a short outage a stopped service
            log.warn(
                    "{}={} not checked against the server's WSDL: {}",
                    setting,
                    server.brand().id(),
                    cannotLook.getMessage());
            return server;
        }
        Brand brand = server.brand().brand();
        contradiction(
                        setting,
                        brand,
                        server.effectiveNamespace(),
                        server.effectiveAddUserShape(),
                        facts,
                        shown(server.url()))
                .ifPresent(sentence -> {
                    throw new BrandDetectionException(sentence);
                });
        log.info(
                "{}={} agrees with the server's WSDL: {}",
                setting,
                brand.id(),
                new Detection(brand, server.effectiveAddUserShape(), facts).line());
        return server;
    }

    /** The brand of the server at {@code url}, with default timeouts and the JVM's trust store. */
    public static Detection detect(String url, String username, String password) {
        return detect(new EsServerProperties(
                url,
                username,
                password,
                BrandChoice.AUTO,
                null,
                null,
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                1,
                null,
                null,
                "PKCS12"));
    }

    /** The brand of the server {@code server} names (its URL, credentials, timeouts, trust store). */
    public static Detection detect(EsServerProperties server) {
        return pick(look(server), shown(server.url()));
    }

    /**
     * The profile whose UserInfo members are all in the WSDL's, and most of them, among the brands of its namespace
     * (the WebsitePanel versions share one namespace and differ in members).
     */
    static Detection pick(WsdlFacts facts, String where) {
        List<Brand> candidates = Arrays.stream(Brand.values())
                .filter(brand -> brand.namespace().equals(facts.namespace()))
                .toList();
        if (candidates.isEmpty()) {
            throw new BrandDetectionException("The Enterprise Server at " + where + " speaks the namespace "
                    + facts.namespace() + ", which no brand uses (" + knownNamespaces() + "): set the brand to the "
                    + "nearest version by hand and es.server.namespace to " + facts.namespace());
        }
        Optional<Brand> fitting = candidates.stream()
                .filter(brand ->
                        missingMembers(brand, brand.addUserShape(), facts).isEmpty())
                .max(Comparator.comparingInt(
                        brand -> sentMembers(brand, brand.addUserShape()).size()));
        if (fitting.isEmpty()) {
            Brand nearest = candidates.stream()
                    .min(Comparator.comparingInt(brand ->
                            missingMembers(brand, brand.addUserShape(), facts).size()))
                    .orElseThrow();
            throw new BrandDetectionException("The Enterprise Server at " + where + " (namespace "
                    + facts.namespace() + ") matches no brand profile: the nearest, " + nearest.id()
                    + ", would send UserInfo members its WSDL lacks ("
                    + String.join(", ", missingMembers(nearest, nearest.addUserShape(), facts)) + ")");
        }
        Brand brand = fitting.get();
        AddUserShape shape = brand.addUserShape() == AddUserShape.PASSWORD_PARAMETER_AND_NOTES
                        && !facts.addUserParameters().contains("notes")
                // SolidCP 2017 to 2020-04: AddUser(user, sendLetter, password)
                ? AddUserShape.PASSWORD_PARAMETER
                : brand.addUserShape();
        return new Detection(brand, shape, facts);
    }

    /**
     * Why {@code brand} (with the effective namespace and shape) cannot talk to the server the WSDL describes, as a
     * sentence naming both; empty when it can.
     */
    static Optional<String> contradiction(
            String setting, Brand brand, String namespace, AddUserShape shape, WsdlFacts facts, String where) {
        String given = setting + "=" + brand.id() + " contradicts the Enterprise Server at " + where + ": ";
        String instead = hint(facts);
        if (!namespace.equals(facts.namespace())) {
            return Optional.of(given + "its WSDL's namespace is " + facts.namespace() + ", " + brand.id()
                    + "'s is " + namespace + " (a server ignores elements in another namespace, so users would be "
                    + "created with default values)" + instead);
        }
        List<String> missing = missingMembers(brand, shape, facts);
        if (!missing.isEmpty()) {
            return Optional.of(given + brand.id() + " sends UserInfo members its WSDL lacks ("
                    + String.join(", ", missing) + ")" + instead);
        }
        boolean passwordReadSomewhere = (shape.passwordParameter()
                        && facts.addUserParameters().contains("password"))
                || (shape.passwordInUserInfo() && facts.userInfoMembers().contains("Password"));
        if (!passwordReadSomewhere) {
            return Optional.of(given + brand.id() + " sends the password "
                    + (shape.passwordInUserInfo() ? "in UserInfo/Password" : "as AddUser's password parameter")
                    + ", which its WSDL lacks (AddUser(" + String.join(", ", facts.addUserParameters())
                    + ")), so users would be created without their password" + instead);
        }
        return Optional.empty();
    }

    private static String hint(WsdlFacts facts) {
        try {
            return "; the WSDL looks like " + pick(facts, "").brand().id() + ", or use auto";
        } catch (BrandDetectionException none) {
            return "";
        }
    }

    /**
     * The UserInfo members {@code brand} sends that the WSDL does not declare. The VLAN members are left out: they
     * reach the wire only as read back from the server (UpdateUser echoes them), so a server without them never
     * gets them. With the password in both places (MSPControl's shape) UserInfo/Password is optional too: the
     * password check is separate.
     */
    private static List<String> missingMembers(Brand brand, AddUserShape shape, WsdlFacts facts) {
        List<String> missing = new ArrayList<>(sentMembers(brand, shape));
        missing.removeAll(facts.userInfoMembers());
        if (shape == AddUserShape.PASSWORD_IN_BOTH) {
            missing.remove("Password");
        }
        return missing;
    }

    private static List<String> sentMembers(Brand brand, AddUserShape shape) {
        List<String> sent = new ArrayList<>(DeclaredMembers.of(brand, shape).elementNames(UserInfo.class));
        sent.removeAll(VersionedMember.VLANS.elements());
        return sent;
    }

    private static String knownNamespaces() {
        return Arrays.stream(Brand.values()).map(Brand::namespace).distinct().collect(Collectors.joining(", "));
    }

    /** Fetches and reads {@code esUsers.asmx?WSDL}, each failure as one sentence. */
    static WsdlFacts look(EsServerProperties server) {
        String where = shown(server.url());
        String base = server.url().endsWith("/") ? server.url() : server.url() + "/";
        HttpURLConnection http;
        try {
            URL wsdl = new URI(base + "esUsers.asmx?WSDL").toURL();
            http = (HttpURLConnection) wsdl.openConnection();
        } catch (URISyntaxException | IllegalArgumentException | IOException e) {
            throw new BrandDetectionException(
                    "The Enterprise Server URL " + where + " is not a URL: " + e.getMessage(), e);
        }
        try {
            http.setConnectTimeout((int) server.connectTimeout().toMillis());
            http.setReadTimeout((int) server.receiveTimeout().toMillis());
            http.setInstanceFollowRedirects(false);
            http.setRequestProperty(
                    "Authorization",
                    "Basic "
                            + Base64.getEncoder()
                                    .encodeToString((server.username() + ":" + server.password())
                                            .getBytes(StandardCharsets.UTF_8)));
            if (http instanceof HttpsURLConnection https && server.trustStore() != null) {
                SSLContext tls = SSLContext.getInstance("TLS");
                tls.init(null, EsPorts.trustManagers(server).getTrustManagers(), null);
                https.setSSLSocketFactory(tls.getSocketFactory());
            }
            int status = http.getResponseCode();
            if (status == HttpURLConnection.HTTP_UNAUTHORIZED) {
                throw new BrandDetectionException("The Enterprise Server at " + where + " refused the user '"
                        + server.username() + "' (HTTP 401 to esUsers.asmx?WSDL): check the username and password");
            }
            if (status != HttpURLConnection.HTTP_OK) {
                throw new BrandDetectionException("The server at " + where + " answered HTTP " + status
                        + " to esUsers.asmx?WSDL: the URL must be the folder holding an Enterprise Server's "
                        + "esUsers.asmx");
            }
            String contentType = http.getContentType();
            try (InputStream body = http.getInputStream()) {
                Optional<WsdlFacts> facts = WsdlFacts.read(body);
                if (facts.isEmpty()) {
                    throw notAWsdl(where, contentType, null);
                }
                if (!facts.get().enterpriseServer()) {
                    throw new BrandDetectionException("The WSDL at " + shown(base) + "esUsers.asmx?WSDL (namespace "
                            + facts.get().namespace() + ") is not an Enterprise Server's: it declares no UserInfo "
                            + "type or no AddUser operation");
                }
                return facts.get();
            } catch (XMLStreamException notXml) {
                throw notAWsdl(where, contentType, notXml);
            }
        } catch (IOException unreachable) {
            throw new BrandDetectionException(
                    "The Enterprise Server at " + where + " cannot be reached ("
                            + unreachable.getClass().getSimpleName()
                            + (unreachable.getMessage() == null ? "" : ": " + unreachable.getMessage()) + ")",
                    unreachable);
        } catch (GeneralSecurityException e) {
            throw new BrandDetectionException("Cannot set up TLS for " + where + ": " + e.getMessage(), e);
        } finally {
            http.disconnect();
        }
    }

    private static BrandDetectionException notAWsdl(String where, String contentType, Throwable cause) {
        return new BrandDetectionException(
                "The server at " + where + " answered esUsers.asmx?WSDL with something "
                        + "that is not a WSDL (" + (contentType == null ? "no content type" : contentType)
                        + "): it is not "
                        + "an Enterprise Server, or the URL is not the folder holding esUsers.asmx",
                cause);
    }

    /** The URL without any user:password part, which may hold a secret. */
    static String shown(String url) {
        try {
            URI uri = new URI(url);
            if (uri.getRawUserInfo() == null) {
                return url;
            }
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(), null)
                    .toString();
        } catch (URISyntaxException e) {
            return "(the configured URL)";
        }
    }
}
