package io.esbridge.console;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import io.esbridge.client.EnterpriseServerClient;
import io.esbridge.client.EsServerProperties;
import io.esbridge.deadletter.DeadLetter;
import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.deadletter.ReplayService.ReplayResult;
import io.esbridge.errors.ProvisioningPause;
import io.esbridge.mapping.Secrets;
import io.esbridge.run.Outcome;
import io.esbridge.run.RunQueries;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;

/** The run console's pages: runs, one run, the dead-letter store (with replay) and the configuration. */
@Controller
public class ConsoleController {

    private final RunQueries queries;
    private final RunStore runs;
    private final DeadLetterStore deadLetters;
    private final ConsoleReplays replays;
    private final ProvisioningPause pause;
    private final ConfigurationView configuration;
    private final EsServerProperties server;
    private final EnterpriseServerClient client;

    public ConsoleController(
            RunQueries queries,
            RunStore runs,
            DeadLetterStore deadLetters,
            ConsoleReplays replays,
            ProvisioningPause pause,
            ConfigurationView configuration,
            EsServerProperties server,
            EnterpriseServerClient client) {
        this.queries = queries;
        this.runs = runs;
        this.deadLetters = deadLetters;
        this.replays = replays;
        this.pause = pause;
        this.configuration = configuration;
        this.server = server;
        this.client = client;
    }

    @GetMapping("/login")
    public String login() {
        return "console/login";
    }

    @GetMapping({"/console", "/console/"})
    public String home() {
        return "redirect:/console/runs";
    }

    @GetMapping("/console/runs")
    public String runs(Model model) {
        common(model);
        model.addAttribute("runs", queries.latestRuns());
        return "console/runs";
    }

    /** One run; {@code outcome} defaults to FAILED (the records worth a look), {@code outcome=ALL} shows all. */
    @GetMapping("/console/runs/{runId}")
    public String run(
            @PathVariable String runId,
            @RequestParam(defaultValue = "FAILED") String outcome,
            @RequestParam(required = false) String code,
            Model model) {
        common(model);
        RunReport report = runs.report(runId)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no run " + runId));
        model.addAttribute("report", report);
        model.addAttribute(
                "chart",
                ThroughputChart.of(
                        ThroughputBuckets.of(report.startedAt(), report.duration(), queries.recorded(runId))));
        model.addAttribute("records", queries.records(runId, "ALL".equalsIgnoreCase(outcome) ? null : outcome, code));
        model.addAttribute("recordsShown", RunQueries.RECORDS_SHOWN);
        model.addAttribute("codes", queries.errorCodes(runId));
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("outcome", outcome);
        model.addAttribute("code", code == null ? "" : code);
        model.addAttribute("openDeadLetters", deadLetters.openOfRun(runId).size());
        return "console/run";
    }

    @GetMapping("/console/dead-letters")
    public String deadLetters(Model model) {
        common(model);
        List<DeadLetter> open = deadLetters.open();
        model.addAttribute("deadLetters", open);
        model.addAttribute("byRun", countBy(open, DeadLetter::runId));
        model.addAttribute("byCode", countBy(open, ConsoleController::codeOf));
        return "console/dead-letters";
    }

    /** Replays one run's, one code's, or (with {@code all}) every open dead letter, as a new run. */
    @PostMapping("/console/dead-letters/replay")
    public String replay(
            @RequestParam(required = false) String runId,
            @RequestParam(required = false) String code,
            @RequestParam(defaultValue = "false") boolean all,
            RedirectAttributes redirect) {
        Optional<ReplayResult> result = replays.start(ConsoleReplays.selection(runId, code, all));
        result.ifPresentOrElse(
                done -> {
                    redirect.addFlashAttribute("replayed", done.report());
                    redirect.addFlashAttribute("notReplayed", done.notReplayed());
                },
                () -> redirect.addFlashAttribute("replayRunning", true));
        return "redirect:/console/dead-letters";
    }

    @GetMapping("/console/config")
    public String config(Model model) {
        common(model);
        model.addAttribute("brand", server.brand().id());
        model.addAttribute("namespace", server.effectiveNamespace());
        model.addAttribute(
                "serverUrl",
                server.url() == null || server.url().isBlank()
                        ? "(the built-in sandbox)"
                        : Secrets.maskUserInfo(server.url()));
        model.addAttribute("serverUser", server.username());
        model.addAttribute("callsInFlight", callsInFlight());
        model.addAttribute("settings", configuration.settings());
        return "console/config";
    }

    /** The limit of calls in flight as the client holds it now, with how it is set. */
    private String callsInFlight() {
        if (!server.inFlight().adaptive()) {
            return "fixed at " + server.maxInFlight() + " (es.server.max-in-flight)";
        }
        String range = "adaptive between 1 and " + server.maxInFlight() + ", started at "
                + Math.min(server.inFlight().initial(), server.maxInFlight());
        return client.callSlots()
                .map(slots -> slots.limit() + " now (" + range + ")")
                .orElse("no call made yet (" + range + ")");
    }

    private void common(Model model) {
        model.addAttribute("pauseReason", pause.reason());
    }

    /** What a dead letter is filed under for replay by code: its error code, else its constant name. */
    static String codeOf(DeadLetter letter) {
        return letter.errorCode() != null
                ? String.valueOf(letter.errorCode())
                : letter.errorName() != null ? letter.errorName() : null;
    }

    private static Map<String, Long> countBy(List<DeadLetter> letters, Function<DeadLetter, String> key) {
        return letters.stream()
                .filter(l -> key.apply(l) != null)
                .collect(Collectors.groupingBy(
                        key, () -> new TreeMap<>(Comparator.naturalOrder()), Collectors.counting()));
    }
}
