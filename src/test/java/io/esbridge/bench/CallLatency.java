package io.esbridge.bench;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import io.esbridge.EsBridgeApplication;
import io.esbridge.client.EnterpriseServerClient;

/**
 * Profiling aid: the time of one call, one at a time, through es-bridge's client ({@code UserExists}), against the
 * server the settings name. Shows the client's own per-call cost against the sandbox's added latency.
 * Usage: {@code CallLatency <calls> --es.server.url=... [--key=value...]}.
 */
public final class CallLatency {

    private CallLatency() {}

    public static void main(String[] args) {
        int calls = Integer.parseInt(args[0]);
        List<String> all = new ArrayList<>(List.of(args).subList(1, args.length));
        all.add("--server.port=0");
        all.add("--camel.main.routes-include-pattern=classpath:es-bridge-one-shot-has-no-routes/*");
        all.add("--logging.level.root=WARN");
        try (ConfigurableApplicationContext app =
                new SpringApplicationBuilder(EsBridgeApplication.class).run(all.toArray(String[]::new))) {
            EnterpriseServerClient client = app.getBean(EnterpriseServerClient.class);
            for (int i = 0; i < 50; i++) {
                client.userExists("warm-up-" + i);
            }
            long start = System.nanoTime();
            for (int i = 0; i < calls; i++) {
                client.userExists("nobody-" + i);
            }
            System.out.printf("BENCH {\"callMillis\": %.2f}%n", (System.nanoTime() - start) / 1e6 / calls);
        }
        System.exit(0);
    }
}
