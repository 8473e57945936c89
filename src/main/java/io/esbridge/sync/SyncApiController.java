package io.esbridge.sync;

import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/sync?mode=incremental|reconcile} (HTTP Basic, the console's account): runs a sync now and answers
 * its result once every record has an outcome; 409 when a sync is already running in this instance.
 */
@RestController
public class SyncApiController {

    private final ProducerTemplate producer;

    public SyncApiController(ProducerTemplate producer) {
        this.producer = producer;
    }

    @PostMapping("/api/sync")
    public ResponseEntity<Object> sync(@RequestParam(defaultValue = "incremental") String mode) {
        SyncMode chosen;
        try {
            chosen = SyncMode.valueOf(mode.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body("mode must be incremental or reconcile");
        }
        try {
            SyncResult result = producer.requestBodyAndHeader(
                    NightlySyncRoutes.SYNC,
                    chosen.name(),
                    NightlySyncRoutes.TRIGGER,
                    SyncTrigger.Kind.HTTP.name(),
                    SyncResult.class);
            return ResponseEntity.ok(result);
        } catch (CamelExecutionException e) {
            if (e.getCause() instanceof SyncBusyException busy) {
                return ResponseEntity.status(HttpStatus.CONFLICT).body(busy.getMessage());
            }
            throw e;
        }
    }
}
