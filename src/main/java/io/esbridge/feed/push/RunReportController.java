package io.esbridge.feed.push;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.esbridge.run.RunStore;

/**
 * {@code GET /api/runs/{id}}: a run's report as JSON, {@code "state"} telling whether it is still running, finished
 * or interrupted; where an asynchronous push's answer points. Behind the push's credentials, so that whoever may push
 * can follow what became of the push.
 */
@RestController
public class RunReportController {

    private final RunStore runs;

    public RunReportController(RunStore runs) {
        this.runs = runs;
    }

    @GetMapping("/api/runs/{runId}")
    public ResponseEntity<Map<String, Object>> report(@PathVariable String runId) {
        return runs.report(runId)
                .map(report -> ResponseEntity.ok(RunStore.reportJson(report)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", "no run " + runId)));
    }
}
