package io.esbridge.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Map;
import javax.net.ssl.TrustManagerFactory;

import org.apache.cxf.Bus;
import org.apache.cxf.BusFactory;
import org.apache.cxf.configuration.jsse.TLSClientParameters;
import org.apache.cxf.configuration.security.AuthorizationPolicy;
import org.apache.cxf.endpoint.Client;
import org.apache.cxf.feature.StaxTransformFeature;
import org.apache.cxf.frontend.ClientProxy;
import org.apache.cxf.jaxws.JaxWsProxyFactoryBean;
import org.apache.cxf.transport.http.HTTPConduit;
import org.apache.cxf.transports.http.configuration.HTTPClientPolicy;

import io.esbridge.contract.EsAuthenticationSoap;
import io.esbridge.contract.EsPackagesSoap;
import io.esbridge.contract.EsUsersSoap;

/**
 * The three CXF ports of one Enterprise Server, configured for its brand: the contract's namespace rewritten to the
 * brand's in both directions, the brand's SOAPAction, only the members its version declares, pre-emptive Basic auth,
 * HTTP/1.1 over {@code HttpURLConnection}, no chunking (as .NET clients send), timeouts and TLS trust. CXF ports are
 * thread-safe and keep their connections alive, so many calls can be in flight at once.
 */
public record EsPorts(
        EsUsersSoap users,
        EsPackagesSoap packages,
        EsAuthenticationSoap authentication,
        CallSlots slots,
        EsServerProperties server) {

    /** Ports on CXF's default bus, for plain Java use outside an application. */
    public static EsPorts create(EsServerProperties properties) {
        return create(properties, BusFactory.getDefaultBus());
    }

    /**
     * Ports for {@code properties}, whose brand must be given by hand or already resolved from {@code auto}
     * ({@link BrandDetection#resolve}).
     */
    public static EsPorts create(EsServerProperties properties, Bus bus) {
        if (properties.brand().auto()) {
            throw new IllegalStateException("EsPorts need a brand: resolve es.server.brand=auto first");
        }
        ClientCpu.economise(properties.maxInFlight(), bus);
        String base = properties.url().endsWith("/") ? properties.url() : properties.url() + "/";
        CallSlots slots = new CallSlots(properties);
        return new EsPorts(
                port(EsUsersSoap.class, base + "esUsers.asmx", properties, bus, slots),
                port(EsPackagesSoap.class, base + "esPackages.asmx", properties, bus, slots),
                port(EsAuthenticationSoap.class, base + "esAuthentication.asmx", properties, bus, slots),
                slots,
                properties);
    }

    private static <T> T port(
            Class<T> serviceInterface, String address, EsServerProperties properties, Bus bus, CallSlots slots) {
        String namespace = properties.effectiveNamespace();
        JaxWsProxyFactoryBean factory = new JaxWsProxyFactoryBean();
        factory.setBus(bus);
        factory.setServiceClass(serviceInterface);
        factory.setAddress(address);
        // CXF 4's default JDK HttpClient conduit costs far more CPU per blocking call than HttpURLConnection (its
        // completion stages hop threads, and start a new thread per stage on a 2-CPU machine); it would also
        // offer an h2c upgrade that IIS mishandles. A SOAP call here is synchronous anyway.
        factory.setProperties(new HashMap<>(Map.of("force.urlconnection.http.conduit", Boolean.TRUE)));
        if (!Brand.CONTRACT_NAMESPACE.equals(namespace)) {
            StaxTransformFeature brandNamespace = new StaxTransformFeature();
            brandNamespace.setOutTransformElements(
                    Map.of("{" + Brand.CONTRACT_NAMESPACE + "}*", "{" + namespace + "}*"));
            brandNamespace.setInTransformElements(
                    Map.of("{" + namespace + "}*", "{" + Brand.CONTRACT_NAMESPACE + "}*"));
            factory.getFeatures().add(brandNamespace);
        }
        factory.getOutInterceptors().add(new WireInterceptors.BrandSoapAction(namespace));
        factory.getOutInterceptors()
                .add(new WireInterceptors.DeclaredMembersOnly(
                        DeclaredMembers.of(properties.brand().brand(), properties.effectiveAddUserShape())));
        factory.getOutInterceptors().add(slots.take());
        factory.getInInterceptors().add(slots.giveBack());
        factory.getInInterceptors().add(new WireInterceptors.RequireSoapAnswer());
        factory.getInInterceptors().add(new SkipUnreadDataSets());
        factory.getInFaultInterceptors().add(new WireInterceptors.RequireSoapAnswer());
        T port = factory.create(serviceInterface);
        configureConduit(ClientProxy.getClient(port), properties);
        return port;
    }

    private static void configureConduit(Client client, EsServerProperties properties) {
        HTTPConduit conduit = (HTTPConduit) client.getConduit();
        HTTPClientPolicy policy = new HTTPClientPolicy();
        policy.setVersion("1.1");
        policy.setAllowChunking(false);
        policy.setConnectionTimeout(properties.connectTimeout().toMillis());
        policy.setReceiveTimeout(properties.receiveTimeout().toMillis());
        conduit.setClient(policy);

        AuthorizationPolicy basic = new AuthorizationPolicy();
        basic.setUserName(properties.username());
        basic.setPassword(properties.password());
        conduit.setAuthorization(basic);

        if (properties.trustStore() != null) {
            TLSClientParameters tls = new TLSClientParameters();
            tls.setTrustManagers(trustManagers(properties).getTrustManagers());
            conduit.setTlsClientParameters(tls);
        }
    }

    static TrustManagerFactory trustManagers(EsServerProperties properties) {
        try (InputStream in = properties.trustStore().getInputStream()) {
            KeyStore store = KeyStore.getInstance(properties.trustStoreType());
            char[] password = properties.trustStorePassword() == null
                    ? null
                    : properties.trustStorePassword().toCharArray();
            store.load(in, password);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            return factory;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read es.server.trust-store " + properties.trustStore(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(
                    "Unusable es.server.trust-store " + properties.trustStore() + ": " + e.getMessage(), e);
        }
    }
}
