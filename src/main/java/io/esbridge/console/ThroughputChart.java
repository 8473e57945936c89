package io.esbridge.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Records per time slot over a run, as bars of an inline SVG (the console loads nothing from elsewhere: es-bridge
 * often runs where there is no internet). Slots are 10 seconds for runs up to 10 minutes, a minute up to 3 hours,
 * longer beyond, so a chart never has more than about 200 bars.
 */
public record ThroughputChart(Duration slot, long peak, List<Bar> bars) {

    public static final int WIDTH = 800;
    public static final int HEIGHT = 160;
    private static final int MAX_BARS = 200;

    /** One slot: its start, how many records were recorded in it, and where it is drawn. */
    public record Bar(Instant start, long records, double x, double y, double width, double height) {
    }

    public static ThroughputChart of(List<Instant> recordedTimes) {
        if (recordedTimes.isEmpty()) {
            return new ThroughputChart(Duration.ofSeconds(10), 0, List.of());
        }
        Instant first = recordedTimes.get(0);
        Instant last = recordedTimes.get(recordedTimes.size() - 1);
        Duration slot = slotFor(Duration.between(first, last));
        long slotMillis = slot.toMillis();
        long firstSlot = first.toEpochMilli() / slotMillis;
        int slots = (int) (last.toEpochMilli() / slotMillis - firstSlot) + 1;
        long[] counts = new long[slots];
        for (Instant t : recordedTimes) {
            counts[(int) (t.toEpochMilli() / slotMillis - firstSlot)]++;
        }
        long peak = 0;
        for (long c : counts) {
            peak = Math.max(peak, c);
        }
        double width = (double) WIDTH / slots;
        List<Bar> bars = new ArrayList<>(slots);
        for (int i = 0; i < slots; i++) {
            double height = (double) HEIGHT * counts[i] / peak;
            bars.add(new Bar(Instant.ofEpochMilli((firstSlot + i) * slotMillis), counts[i], i * width,
                    HEIGHT - height, Math.max(width - 1, 1), height));
        }
        return new ThroughputChart(slot, peak, bars);
    }

    private static Duration slotFor(Duration span) {
        for (Duration candidate : List.of(Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofMinutes(5),
                Duration.ofMinutes(15), Duration.ofHours(1))) {
            if (span.toMillis() / candidate.toMillis() < MAX_BARS) {
                return candidate;
            }
        }
        return Duration.ofHours(6);
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    public String slotLabel() {
        return slot.toMinutes() >= 1 ? slot.toMinutes() + " min" : slot.toSeconds() + " s";
    }
}
