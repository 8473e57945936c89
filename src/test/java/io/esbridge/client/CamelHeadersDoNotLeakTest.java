package io.esbridge.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

/**
 * camel-cxf copies unfiltered exchange headers into HTTP headers, and a stale SOAPAction header would redirect the
 * call. The client is called as a bean, so route headers never reach IIS.
 */
class CamelHeadersDoNotLeakTest {

    @Test
    void routeHeadersStayInTheRoute() throws Exception {
        try (WireCapture wire =
                        new WireCapture(request -> WireCapture.Answer.soap(OperationAnswers.forRequest(request)));
                CamelContext camel = new DefaultCamelContext()) {
            camel.getRegistry()
                    .bind(
                            "esClient",
                            EnterpriseServerClient.create(ContractFixtures.properties(wire.url(), Brand.WEBSITEPANEL)));
            camel.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:check")
                            .routeId("header-leak-check")
                            .setHeader("customerId", constant("C-1001"))
                            .setHeader("SOAPAction", constant("http://example.com/Wrong"))
                            .setHeader("operationName", constant("DeleteUser"))
                            .to("bean:esClient?method=userExists(${header.username})");
                }
            });
            camel.start();

            Object exists =
                    camel.createProducerTemplate().requestBodyAndHeader("direct:check", null, "username", "jdoe");

            assertThat(exists).isEqualTo(false);
            WireCapture.Request request = wire.last();
            assertThat(request.header("customerId")).isNull();
            assertThat(request.header("username")).isNull();
            assertThat(request.header("operationName")).isNull();
            assertThat(request.header("SOAPAction"))
                    .isEqualTo("\"http://smbsaas/websitepanel/enterpriseserver/UserExists\"");
        }
    }
}
