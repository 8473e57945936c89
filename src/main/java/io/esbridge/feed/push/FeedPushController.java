package io.esbridge.feed.push;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.esbridge.feed.FeedEndpoints;
import io.esbridge.feed.FeedHeaders;
import io.esbridge.feed.read.FeedUnreadableException;

/**
 * {@code POST /api/feeds/{mapping}} with a JSON array ({@code application/json}) or JSON Lines
 * ({@code application/x-ndjson}). By default every record is read, mapped and provisioned before the answer,
 * {@code 202 {"runId": ..., "records": n}}; the run's report tells what provisioning made of them.
 * <p>
 * A big push would keep its caller waiting past any timeout, so with {@code Prefer: respond-async} (RFC 7240) or
 * {@code ?wait=false} the body is kept and the answer comes at once: {@code 202} with the run id and a
 * {@code Location} of its report ({@code GET /api/runs/{id}}, see {@link RunReportController}), to poll until its
 * {@code state} is no longer {@code running}. A wrong mapping or a body that is not JSON is a 400 either way.
 */
@RestController
public class FeedPushController {

    private final ProducerTemplate producer;
    private final PushSpool spool;

    public FeedPushController(ProducerTemplate producer, PushSpool spool) {
        this.producer = producer;
        this.spool = spool;
    }

    /**
     * The charset the request's Content-Type names, or {@code null}. Not {@code getCharacterEncoding()}: Spring Boot's
     * encoding filter sets every request's to UTF-8, so a body the caller declared windows-1252 was read as UTF-8.
     */
    private static String namedCharset(HttpServletRequest request) {
        String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
        return contentType == null
                ? null
                : MediaType.parseMediaType(contentType).getParameter("charset");
    }

    @PostMapping(
            path = "/api/feeds/{mapping}",
            consumes = {"application/json", "application/x-ndjson", "application/jsonl", "application/json-lines"})
    public ResponseEntity<Map<String, Object>> push(
            @PathVariable String mapping, @RequestParam(defaultValue = "true") boolean wait, HttpServletRequest request)
            throws IOException {
        boolean preferAsync = prefersRespondAsync(request);
        boolean async = preferAsync || !wait;
        InputStream body = async ? spool.keep(request.getInputStream()) : request.getInputStream();
        Exchange done = producer.send(async ? FeedEndpoints.PUSH_ASYNC : FeedEndpoints.PUSH, exchange -> {
            exchange.getIn().setBody(body);
            exchange.getIn().setHeader(FeedHeaders.MAPPING, mapping);
            exchange.getIn().setHeader(FeedHeaders.CHARSET, namedCharset(request));
        });
        String runId = done.getProperty(FeedHeaders.RUN_ID, String.class);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runId", runId);
        Exception failure = done.getException();
        if (failure != null && async) {
            // not handed over to the queue: nobody else will read, or close, the kept body
            body.close();
        }
        if (failure instanceof FeedUnreadableException || failure instanceof IllegalArgumentException) {
            answer.put("error", failure.getMessage());
            return ResponseEntity.badRequest().body(answer);
        }
        if (failure != null) {
            answer.put("error", "the push could not be handed on: " + failure.getMessage());
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(answer);
        }
        if (!async) {
            answer.put("records", done.getIn().getHeader(FeedHeaders.RECORDS_READ, Long.class));
            return ResponseEntity.accepted().body(answer);
        }
        URI report = URI.create(request.getContextPath() + "/api/runs/" + runId);
        answer.put("report", report.toString());
        ResponseEntity.BodyBuilder accepted = ResponseEntity.accepted().location(report);
        if (preferAsync) {
            accepted.header("Preference-Applied", "respond-async");
        }
        return accepted.body(answer);
    }

    /** Whether a {@code Prefer} header asks for {@code respond-async}, among other preferences or not. */
    private static boolean prefersRespondAsync(HttpServletRequest request) {
        return Collections.list(request.getHeaders("Prefer")).stream()
                .flatMap(header -> Arrays.stream(header.split(",")))
                .map(preference -> preference.split("[;=]", 2)[0].strip())
                .anyMatch("respond-async"::equalsIgnoreCase);
    }
}
