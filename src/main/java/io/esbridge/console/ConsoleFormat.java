package io.esbridge.console;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/** How the console pages write times and durations ({@code @consoleFormat} in the templates). Times are UTC. */
@Component("consoleFormat")
public class ConsoleFormat {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    /** {@code 850 ms}, {@code 42 s}, {@code 3 min 05 s}, {@code 2 h 07 min}. */
    public String duration(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds < 1) {
            return duration.toMillis() + " ms";
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format("%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format("%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }
}
