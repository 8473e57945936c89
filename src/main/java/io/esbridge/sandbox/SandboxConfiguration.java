package io.esbridge.sandbox;

import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.server.observation.ServerRequestObservationContext;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.micrometer.observation.ObservationPredicate;

import io.esbridge.catalogue.FieldLengths;
import io.esbridge.client.AddUserShape;
import io.esbridge.client.Brand;
import io.esbridge.client.BuiltInServer;
import io.esbridge.client.DeclaredMembers;

/**
 * The sandbox Enterprise Server (es.sandbox.enabled=true): esUsers.asmx, esPackages.asmx and esAuthentication.asmx at
 * the root of this application's web server, in the configured brand, over its own H2 database; plus /sandbox/* to
 * inject faults and read call counts.
 */
@Configuration(proxyBeanMethods = false)
// matchIfMissing: SandboxProperties.enabled's default (an annotation cannot read it; SettingsTableTest checks both)
@ConditionalOnProperty(name = "es.sandbox.enabled", havingValue = "true", matchIfMissing = true)
public class SandboxConfiguration {

    /** Everything behind the three services; closes the sandbox's database with the application. */
    static final class SandboxServer implements AutoCloseable {
        final SandboxDatabase database;
        final UserDirectory users;
        final HostingSpaces spaces;
        final HostingPlanCatalog plans;
        final BasicAuthenticator authenticator;
        final SoapOperations operations;
        final SoapCodec codec;
        final WsdlDocuments wsdl;

        SandboxServer(SandboxProperties properties, FieldLengths lengths) {
            database = new SandboxDatabase(properties.datasourceUrl());
            AddUserShape shape = properties.brand().addUserShape();
            ColumnSizes columns = new ColumnSizes(lengths);
            users = new UserDirectory(database, shape == AddUserShape.PASSWORD_IN_USER_INFO, columns);
            authenticator = new BasicAuthenticator(users);
            users.onCredentialsChanged(authenticator::forget);
            plans = new HostingPlanCatalog(database, columns);
            AccessRights rights = new AccessRights(users, database);
            SpaceQuotas chain = new SpaceQuotas(database, plans);
            spaces = new HostingSpaces(database, plans, users, columns, chain, rights);
            Brand brand = properties.brand();
            int notReseller = brand == Brand.DOTNETPANEL || brand == Brand.WEBSITEPANEL_1 || brand == Brand.WEBSITEPANEL
                    ? -108
                    : -112;
            operations = new SoapOperations(
                    users,
                    spaces,
                    plans,
                    shape,
                    new CallerCheck(users, notReseller),
                    rights,
                    new PlanQuotaTables(plans, chain));
            DeclaredMembers members = DeclaredMembers.of(brand, shape);
            codec = new SoapCodec(properties.effectiveNamespace(), members);
            wsdl = new WsdlDocuments(properties.effectiveNamespace(), members);
            database.transactions().executeWithoutResult(tx -> {
                users.seedAdministrator(properties.adminPassword());
                spaces.seedSystemSpace();
                plans.seed(properties.plans());
            });
        }

        @Override
        public void close() {
            database.close();
        }
    }

    /** Tells the client that this process serves an Enterprise Server: the target of an empty es.server.url. */
    @Bean
    BuiltInServer builtInServer() {
        return new BuiltInServer() {};
    }

    @Bean
    SandboxServer sandboxServer(SandboxProperties properties, FieldLengths lengths) {
        return new SandboxServer(properties, lengths);
    }

    @Bean
    public SandboxFaults sandboxFaults() {
        return new SandboxFaults();
    }

    @Bean
    public SandboxStats sandboxStats() {
        return new SandboxStats();
    }

    @Bean
    ServletRegistrationBean<EnterpriseServerServlet> sandboxUsersService(
            SandboxProperties properties, SandboxServer server, SandboxFaults faults, SandboxStats stats) {
        return service("esUsers", properties, server, faults, stats);
    }

    @Bean
    ServletRegistrationBean<EnterpriseServerServlet> sandboxPackagesService(
            SandboxProperties properties, SandboxServer server, SandboxFaults faults, SandboxStats stats) {
        return service("esPackages", properties, server, faults, stats);
    }

    @Bean
    ServletRegistrationBean<EnterpriseServerServlet> sandboxAuthenticationService(
            SandboxProperties properties, SandboxServer server, SandboxFaults faults, SandboxStats stats) {
        return service("esAuthentication", properties, server, faults, stats);
    }

    /**
     * The sandbox stands in for a remote server: its SOAP requests are not this application's traffic, and timing
     * each one (http.server.requests) would spend sandbox CPU that benchmarks should see spent in es-bridge.
     */
    @Bean
    ObservationPredicate sandboxRequestsUnobserved() {
        return (name, context) -> !(context instanceof ServerRequestObservationContext request
                && request.getCarrier().getRequestURI().endsWith(".asmx"));
    }

    /**
     * IIS serves any number of requests on a kept-alive connection; Tomcat closes one after 100 by default, which
     * would make a busy client open a new connection every 100 calls, unlike against a real panel.
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> sandboxKeepsConnectionsLikeIis() {
        return factory -> factory.addConnectorCustomizers(connector -> {
            if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
                http.setMaxKeepAliveRequests(-1);
            }
        });
    }

    @Bean
    ServletRegistrationBean<SandboxAdminServlet> sandboxAdmin(
            SandboxProperties properties,
            SandboxServer server,
            SandboxFaults faults,
            SandboxStats stats,
            ObjectMapper json) {
        ServletRegistrationBean<SandboxAdminServlet> registration = new ServletRegistrationBean<>(
                new SandboxAdminServlet(
                        faults,
                        stats,
                        server.authenticator,
                        json,
                        properties.brand().realm()),
                "/sandbox/*");
        registration.setName("sandboxAdmin");
        return registration;
    }

    private ServletRegistrationBean<EnterpriseServerServlet> service(
            String service,
            SandboxProperties properties,
            SandboxServer server,
            SandboxFaults faults,
            SandboxStats stats) {
        String namespace = properties.effectiveNamespace();
        ServletRegistrationBean<EnterpriseServerServlet> registration = new ServletRegistrationBean<>(
                new EnterpriseServerServlet(
                        service,
                        namespace,
                        properties.brand().realm(),
                        server.operations,
                        server.codec,
                        server.wsdl,
                        server.authenticator,
                        faults,
                        stats),
                "/" + service + ".asmx");
        registration.setName("sandbox-" + service);
        return registration;
    }
}
