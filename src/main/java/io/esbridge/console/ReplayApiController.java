package io.esbridge.console;

import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.esbridge.deadletter.ReplayService;
import io.esbridge.deadletter.ReplayService.ReplayResult;
import io.esbridge.run.RunReport;

/**
 * {@code POST /api/replay} for scripts (HTTP Basic, the console's account): {@code {"runId": "..."}},
 * {@code {"code": "-1100"}} or {@code {"all": true}}. Answers the replay run's report and what could not be replayed.
 */
@RestController
public class ReplayApiController {

    /** What to replay: exactly one of the three. */
    public record ReplayRequest(String runId, String code, Boolean all) {}

    public record ReplayAnswer(RunReport report, String summary, List<String> notReplayed) {}

    private final ReplayService replay;

    public ReplayApiController(ReplayService replay) {
        this.replay = replay;
    }

    @PostMapping("/api/replay")
    public ReplayAnswer replay(@RequestBody ReplayRequest request) {
        ReplayResult result = replay.replay(
                ConsoleReplays.selection(request.runId(), request.code(), Boolean.TRUE.equals(request.all())));
        return new ReplayAnswer(result.report(), result.report().summary(), result.notReplayed());
    }
}
