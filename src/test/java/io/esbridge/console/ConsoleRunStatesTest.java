package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

/** The console tells a run whose process was killed ({@code interrupted}) from a finished one. */
class ConsoleRunStatesTest extends ConsoleTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void anInterruptedRunIsShownAsSuchWithTheCountsItReached() throws Exception {
        String interrupted = interruptedRun();
        String finished = runWithFailures();

        String runs = page("/console/runs");
        assertThat(row(runs, interrupted))
                .contains("<span class=\"status interrupted\">interrupted</span>", "subscriptions-2026-11-26.csv");
        assertThat(row(runs, finished)).contains("<span class=\"status failures\">failures</span>");

        String run = page("/console/runs/" + interrupted);
        assertThat(run).contains("id=\"interrupted\"", "interrupted after", "importing the same input again");
        assertThat(page("/console/runs/" + finished))
                .doesNotContain("id=\"interrupted\"")
                .contains("took");
    }

    /** The runs table's row of one run. */
    private static String row(String page, String runId) {
        int start = page.indexOf("data-run-id=\"" + runId + "\"");
        assertThat(start).as("row of run %s", runId).isPositive();
        return page.substring(start, page.indexOf("</tr>", start));
    }

    private String page(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(url(path)))
                        .header(
                                "Authorization",
                                "Basic "
                                        + Base64.getEncoder()
                                                .encodeToString((USERNAME + ":" + CONSOLE_PASSWORD)
                                                        .getBytes(StandardCharsets.UTF_8)))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }
}
