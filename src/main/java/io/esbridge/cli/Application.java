package io.esbridge.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.EsBridgeApplication;

/** Starts es-bridge's Spring application for a command: the whole service, or a one-shot job. */
final class Application {

    private static volatile boolean serving;

    private Application() {
    }

    /** The service: everything on, and the JVM lives until it is stopped. */
    static void serve(String[] args) {
        serving = true;
        new SpringApplicationBuilder(EsBridgeApplication.class).run(args);
    }

    /**
     * A one-shot job: no inbox watchers or schedules (they would pick up work of the running service), and the web
     * server on a free port (it serves the built-in sandbox, when that is the target) so it never collides with a
     * service running beside it. Any {@code --key=value} argument still wins over these defaults.
     */
    static ConfigurableApplicationContext oneShot(String[] args) {
        return new SpringApplicationBuilder(EsBridgeApplication.class).run(withDefaults(args, ONE_SHOT_DEFAULTS));
    }

    /** One-shot settings; given as arguments since config/application.yml would win over default properties. */
    private static final Map<String, String> ONE_SHOT_DEFAULTS = Map.of(
            "server.port", "0",
            // The command prints its own report; the log keeps to what needs attention.
            "logging.level.root", "WARN",
            "es.sync.schedule-enabled", "false",
            "camel.main.routes-include-pattern", "classpath:es-bridge-one-shot-has-no-routes/*");

    private static String[] withDefaults(String[] args, Map<String, String> defaults) {
        List<String> all = new ArrayList<>(List.of(args));
        defaults.forEach((key, value) -> {
            if (all.stream().noneMatch(arg -> arg.startsWith("--" + key + "="))) {
                all.add("--" + key + "=" + value);
            }
        });
        return all.toArray(String[]::new);
    }

    /** Whether the service was started, so that main must not exit. */
    static boolean serving() {
        return serving;
    }
}
