package io.esbridge.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Starts es-bridge's Spring application for a command: the whole service, or a one-shot job. */
final class Application {

    private static volatile boolean serving;
    /** The application class {@link Cli#run} was given; one per process, like its command line. */
    private static volatile Class<?> application;

    private Application() {}

    static void use(Class<?> applicationClass) {
        application = Objects.requireNonNull(applicationClass, "application class");
    }

    /** The service: everything on, and the JVM lives until it is stopped. */
    static void serve(String[] args) {
        serving = true;
        new SpringApplicationBuilder(application).run(args);
    }

    /**
     * A one-shot job: no inbox watchers or schedules (they would pick up work of the running service), and the web
     * server on a free port (it serves the built-in sandbox, when that is the target) so it never collides with a
     * service running beside it. Any {@code --key=value} argument still wins over these defaults.
     */
    static ConfigurableApplicationContext oneShot(String[] args, boolean verbose) {
        return new SpringApplicationBuilder(application)
                .properties(logging(verbose))
                .run(withDefaults(args, ONE_SHOT_DEFAULTS));
    }

    /** One-shot settings; given as arguments since config/application.yml would win over default properties. */
    private static final Map<String, String> ONE_SHOT_DEFAULTS = Map.of(
            "server.port", "0",
            "es.sync.schedule-enabled", "false",
            "camel.main.routes-include-pattern", "classpath:es-bridge-one-shot-has-no-routes/*");

    /** Where a one-shot command's log goes, relative to the folder es-bridge runs in (as its other state, data/). */
    static final String LOG_FILE = "data/logs/es-bridge.log";

    /**
     * A one-shot command prints its reports and problems itself, so its log goes to a file (Spring Boot's rolling
     * file: rolled at 10 MB and daily, a week kept), and on the console (standard error, see {@link Output}) only
     * with --verbose: log lines among the reports made them hard to read and impossible to parse. Default
     * properties, the weakest source, so that config/application.yml or LOGGING_FILE_NAME may move the file.
     */
    private static Map<String, Object> logging(boolean verbose) {
        Map<String, Object> logging = new LinkedHashMap<>();
        logging.put("logging.file.name", LOG_FILE);
        if (!verbose) {
            logging.put("spring.main.banner-mode", "off");
        }
        return logging;
    }

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
