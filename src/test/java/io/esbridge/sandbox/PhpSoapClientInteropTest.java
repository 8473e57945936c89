package io.esbridge.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.esbridge.RequiredParts;
import io.esbridge.contract.UserInfo;

/**
 * The sandbox serves a non-Java SOAP stack: PHP's SoapClient loads our WSDL, authenticates pre-emptively and creates
 * a user (scripts/interop/php-soapclient.php). Without php and its soap extension the test is skipped locally and
 * fails in CI (CI=true), where they are installed.
 */
class PhpSoapClientInteropTest extends SolidCpSandboxContext {

    @Test
    void phpSoapClientCreatesAUserThroughTheWsdl() throws Exception {
        requirePhpWithSoap();
        String username = SandboxFixtures.uniqueUsername("php");

        Process php = new ProcessBuilder(
                        "php", "scripts/interop/php-soapclient.php", baseUrl(), "serveradmin", "serveradmin", username)
                .redirectErrorStream(true)
                .start();
        assertThat(php.waitFor(30, TimeUnit.SECONDS)).as("php finished").isTrue();
        String output = new String(php.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(php.exitValue()).as(output).isZero();
        assertThat(output).contains("UserExists: false").contains("UserExistsAfter: true");
        UserInfo created = client.getUserByUsername(username).orElseThrow();
        assertThat(output).contains("AddUser: " + created.getUserId());
        assertThat(created.getEmail()).isEqualTo(username + "@example.com");
        assertThat(client.authenticateUser(username, "Php-Secret1", null).code())
                .isZero();
    }

    private static void requirePhpWithSoap() throws InterruptedException {
        String modules;
        try {
            Process probe =
                    new ProcessBuilder("php", "-m").redirectErrorStream(true).start();
            probe.waitFor(20, TimeUnit.SECONDS);
            modules = new String(probe.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException noPhp) {
            modules = "";
        }
        boolean available = modules.lines().anyMatch(line -> line.strip().equalsIgnoreCase("soap"));
        RequiredParts.require(
                available, "php with the soap extension is not installed (apt-get install php-cli" + " php-soap)");
    }
}
