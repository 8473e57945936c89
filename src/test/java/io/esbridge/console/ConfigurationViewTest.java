package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import io.esbridge.errors.ErrorsProperties;

/** What the configuration page shows of a setting. */
class ConfigurationViewTest {

    @Test
    void secretsAreMaskedWhateverTheyHold() {
        assertThat(ConfigurationView.shown("es.server.password", "pw")).isEqualTo("******");
        assertThat(ConfigurationView.shown("es.server.trust-store-password", "pw"))
                .isEqualTo("******");
        assertThat(ConfigurationView.shown("es.state.secret-key", "c2VjcmV0")).isEqualTo("******");
        assertThat(ConfigurationView.shown("es.feeds.push.api-token", "t")).isEqualTo("******");
    }

    @Test
    void pathsAndOrdinarySettingsAreShown() {
        assertThat(ConfigurationView.shown("es.state.secret-key-file", "data/secret.key"))
                .isEqualTo("data/secret.key");
        assertThat(ConfigurationView.shown("es.console.password-file", "data/pw"))
                .isEqualTo("data/pw");
        assertThat(ConfigurationView.shown("es.server.brand", "solidcp")).isEqualTo("solidcp");
        assertThat(ConfigurationView.shown("es.password.policy", "strict")).isEqualTo("strict");
    }

    @Test
    void credentialsInUrlsAreMasked() {
        assertThat(ConfigurationView.shown("es.server.url", "https://admin:pw@panel.example.com:9002/"))
                .isEqualTo("https://******@panel.example.com:9002/");
        assertThat(ConfigurationView.shown("es.server.url", "http://panel.example.com:9002/"))
                .isEqualTo("http://panel.example.com:9002/");
    }

    @Test
    void everyEsSettingIsListedListsElementByElement() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "test",
                        Map.of(
                                "es.feeds.inboxes[0].path",
                                "inbox/customers",
                                "es.feeds.inboxes[0].cron",
                                "0 */5 * * * ?",
                                "es.feeds.push.password",
                                "p",
                                "spring.datasource.password",
                                "db")));

        assertThat(new ConfigurationView(environment, new DefaultListableBeanFactory()).settings())
                .containsEntry("es.feeds.inboxes[0].path", "inbox/customers")
                .containsEntry("es.feeds.inboxes[0].cron", "0 */5 * * * ?")
                .containsEntry("es.feeds.push.password", "******")
                .doesNotContainKey("spring.datasource.password");
    }

    /** A setting nobody set shows its bound default (written in its properties record only); one set shows its value. */
    @Test
    void aSettingNobodySetShowsItsBoundDefault() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("test", Map.of("es.errors.max-redeliveries", "3")));
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("errors", Binder.get(environment).bindOrCreate("es.errors", ErrorsProperties.class));

        assertThat(new ConfigurationView(environment, beans).settings())
                .containsEntry("es.errors.max-redeliveries", "3")
                .containsEntry("es.errors.circuit-breaker.sliding-window-size", "20");
    }
}
