package io.esbridge.console;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.esbridge.console.ThroughputBuckets.Bucket;

/**
 * Where the throughput chart's bars, axes and labels go, in the coordinates of an inline SVG (the console loads
 * nothing from elsewhere: es-bridge often runs where there is no internet). Each bar is one bucket of
 * {@link ThroughputBuckets}: its successes at the bottom and its failures stacked on top, so that the bar's height is
 * the bucket's records and the red part is what failed. The x axis is the time since the run started, the y axis the
 * records per bucket (not per second: bars then add up to the run's records, which the report table states).
 */
public record ThroughputChart(
        ThroughputBuckets buckets,
        List<Bar> bars,
        List<Tick> timeTicks,
        List<Tick> recordTicks,
        String timeAxisLabel,
        String recordAxisLabel) {

    private static final int WIDTH = 800;
    private static final int HEIGHT = 240;
    /** The plot inside the axes: room on the left for the record ticks and the rotated title, below for time. */
    private static final int PLOT_LEFT = 64;

    private static final int PLOT_TOP = 30;
    private static final int PLOT_WIDTH = WIDTH - PLOT_LEFT - 16;
    private static final int PLOT_HEIGHT = HEIGHT - PLOT_TOP - 48;
    /** About this many steps on the time axis: enough to read a bar's time off, few enough not to overlap. */
    private static final int TIME_STEPS = 6;

    private static final int RECORD_STEPS = 4;

    /** One bucket with records: its slot in words, and its succeeded and failed segments. */
    public record Bar(
            String title,
            double x,
            double width,
            double succeededY,
            double succeededHeight,
            double failedY,
            double failedHeight,
            long succeeded,
            long failed) {}

    /** A tick on an axis: where (x for time, y for records) and its label. */
    public record Tick(double at, String label) {}

    public static ThroughputChart of(ThroughputBuckets buckets) {
        if (buckets.buckets().isEmpty()) {
            return new ThroughputChart(buckets, List.of(), List.of(), List.of(), "", "");
        }
        TimeUnit unit = TimeUnit.forSpan(buckets.span());
        long recordStep = niceCount(ceilDiv(buckets.peak(), RECORD_STEPS));
        long top = ceilDiv(buckets.peak(), recordStep) * recordStep;
        double barWidth = (double) PLOT_WIDTH / buckets.buckets().size();
        // A gap between bars while they are wide enough to keep one; thin bars touch rather than vanish.
        double drawnWidth = barWidth > 4 ? barWidth - 1 : barWidth;
        double bottom = PLOT_TOP + PLOT_HEIGHT;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < buckets.buckets().size(); i++) {
            Bucket b = buckets.buckets().get(i);
            if (b.records() == 0) {
                continue;
            }
            double succeededHeight = (double) PLOT_HEIGHT * b.succeeded() / top;
            double failedHeight = (double) PLOT_HEIGHT * b.failed() / top;
            double succeededY = bottom - succeededHeight;
            bars.add(new Bar(
                    title(b, buckets.bucket(), unit),
                    round(PLOT_LEFT + i * barWidth),
                    round(drawnWidth),
                    round(succeededY),
                    round(succeededHeight),
                    round(succeededY - failedHeight),
                    round(failedHeight),
                    b.succeeded(),
                    b.failed()));
        }
        return new ThroughputChart(
                buckets,
                List.copyOf(bars),
                timeTicks(buckets.span(), unit),
                recordTicks(top, recordStep),
                "time since the run started (" + unit.symbol + ")",
                "records per " + words(buckets.bucket()));
    }

    private static List<Tick> timeTicks(Duration span, TimeUnit unit) {
        Duration step = ThroughputBuckets.niceAtLeast(Duration.ofMillis(ceilDiv(span.toMillis(), TIME_STEPS)));
        List<Tick> ticks = new ArrayList<>();
        for (Duration t = Duration.ZERO; t.compareTo(span) <= 0; t = t.plus(step)) {
            ticks.add(
                    new Tick(round(PLOT_LEFT + (double) PLOT_WIDTH * t.toMillis() / span.toMillis()), unit.number(t)));
        }
        return List.copyOf(ticks);
    }

    private static List<Tick> recordTicks(long top, long step) {
        List<Tick> ticks = new ArrayList<>();
        for (long n = 0; n <= top; n += step) {
            ticks.add(new Tick(round(PLOT_TOP + PLOT_HEIGHT - (double) PLOT_HEIGHT * n / top), Long.toString(n)));
        }
        return List.copyOf(ticks);
    }

    /** {@code 1.2–1.3 s: 14 records, 2 failed}: what a bar's tooltip says. */
    private static String title(Bucket b, Duration bucket, TimeUnit unit) {
        return unit.number(b.start()) + "–" + unit.number(b.start().plus(bucket)) + " " + unit.symbol + ": "
                + b.records() + (b.records() == 1 ? " record" : " records")
                + (b.failed() > 0 ? ", " + b.failed() + " failed" : "");
    }

    /** 1, 2, 5, 10, 20, 50, ...: the smallest at least {@code least}, so record ticks are round numbers. */
    private static long niceCount(long least) {
        for (long decade = 1; ; decade *= 10) {
            for (long nice : new long[] {decade, 2 * decade, 5 * decade}) {
                if (nice >= least) {
                    return nice;
                }
            }
        }
    }

    /** A bucket size in words: {@code 250 ms}, {@code 3 s}, {@code 15 min}, {@code 2 h}, {@code 2 d}. */
    static String words(Duration d) {
        for (TimeUnit unit : List.of(TimeUnit.DAYS, TimeUnit.HOURS, TimeUnit.MINUTES, TimeUnit.SECONDS)) {
            if (d.toMillis() % unit.millis == 0) {
                return d.toMillis() / unit.millis + " " + unit.symbol;
            }
        }
        return d.toMillis() + " ms";
    }

    public String viewBox() {
        return "0 0 " + WIDTH + " " + HEIGHT;
    }

    /** {@code one bar per 50 ms, at most 3 records in a bar}: the heading's note. */
    public String summary() {
        long peak = buckets.peak();
        return "one bar per " + words(buckets.bucket()) + ", at most " + peak + (peak == 1 ? " record" : " records")
                + " in a bar";
    }

    public double plotLeft() {
        return PLOT_LEFT;
    }

    public double plotTop() {
        return PLOT_TOP;
    }

    /** The middle of the time axis, for its title. */
    public double plotCenterX() {
        return PLOT_LEFT + PLOT_WIDTH / 2.0;
    }

    /** The record axis's title, rotated to run up the axis, centred on it. */
    public String recordAxisLabelTransform() {
        return "rotate(-90) translate(" + -(PLOT_TOP + PLOT_HEIGHT / 2.0) + " 16)";
    }

    public double plotBottom() {
        return PLOT_TOP + PLOT_HEIGHT;
    }

    public double plotRight() {
        return PLOT_LEFT + PLOT_WIDTH;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }

    /** The unit the time axis counts in: the one that keeps its numbers short for the run's length. */
    private enum TimeUnit {
        MILLISECONDS("ms", 1),
        SECONDS("s", 1000),
        MINUTES("min", 60_000),
        HOURS("h", 3_600_000),
        DAYS("d", 86_400_000);

        private final String symbol;
        private final long millis;

        TimeUnit(String symbol, long millis) {
            this.symbol = symbol;
            this.millis = millis;
        }

        /** Milliseconds under 2 s, seconds under 3 min, minutes under 3 h, hours under 3 days, then days. */
        static TimeUnit forSpan(Duration span) {
            long ms = span.toMillis();
            return ms < 2_000
                    ? MILLISECONDS
                    : ms < 180_000 ? SECONDS : ms < 10_800_000 ? MINUTES : ms < 259_200_000 ? HOURS : DAYS;
        }

        /** {@code t} in this unit, with the decimals a nice step needs (0.25 h) and no trailing zeros. */
        String number(Duration t) {
            return BigDecimal.valueOf(t.toMillis())
                    .divide(BigDecimal.valueOf(millis), 3, RoundingMode.HALF_UP)
                    .stripTrailingZeros()
                    .toPlainString();
        }
    }
}
