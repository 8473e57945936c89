package io.esbridge.feed.push;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import io.esbridge.feed.FeedHeaders;
import io.esbridge.feed.read.FeedUnreadableException;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code POST /api/feeds/{mapping}} with a JSON array ({@code application/json}) or JSON Lines
 * ({@code application/x-ndjson}): every record is read, mapped and handed on before the answer,
 * {@code 202 {"runId": ..., "records": n}}; the run's report tells what provisioning made of them.
 */
@RestController
public class FeedPushController {

    private final ProducerTemplate producer;

    public FeedPushController(ProducerTemplate producer) {
        this.producer = producer;
    }

    @PostMapping(path = "/api/feeds/{mapping}", consumes = {"application/json", "application/x-ndjson",
            "application/jsonl", "application/json-lines"})
    public ResponseEntity<Map<String, Object>> push(@PathVariable String mapping, HttpServletRequest request)
            throws IOException {
        Exchange done = producer.send("direct:feed-push", exchange -> {
            exchange.getIn().setBody(request.getInputStream());
            exchange.getIn().setHeader(FeedHeaders.MAPPING, mapping);
            exchange.getIn().setHeader(FeedHeaders.CHARSET, request.getCharacterEncoding());
        });
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("runId", done.getProperty(FeedHeaders.RUN_ID, String.class));
        Exception failure = done.getException();
        if (failure instanceof FeedUnreadableException || failure instanceof IllegalArgumentException) {
            answer.put("error", failure.getMessage());
            return ResponseEntity.badRequest().body(answer);
        }
        if (failure != null) {
            answer.put("error", "the push could not be handed on: " + failure.getMessage());
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).body(answer);
        }
        answer.put("records", done.getIn().getHeader(FeedHeaders.RECORDS_READ, Long.class));
        return ResponseEntity.accepted().body(answer);
    }
}
