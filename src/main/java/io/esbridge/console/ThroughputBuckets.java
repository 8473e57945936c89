package io.esbridge.console;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.esbridge.run.Recorded;

/**
 * A run's records counted in equal time buckets from the run's start, successes and failures apart: what the
 * throughput chart draws. The bucket size follows the run's length so that a chart has 30 to 60 bars whether the run
 * took 0.4 s or 2 h (fixed 10 s buckets drew every short run as one solid bar, which says nothing).
 *
 * <p>The finest bucket is 1 ms, the finest the chart can label, so a run spanning fewer than 30 distinct
 * milliseconds gets one bar per millisecond (fewer than 30); a run without records gets no bars.
 */
public record ThroughputBuckets(Duration bucket, List<Bucket> buckets) {

    /** The few bars a chart should at least have: fewer would hide how the rate changed over the run. */
    static final int MIN_BARS = 30;
    /** The most bars: more get too thin to point at (a bar's tooltip names its slot and counts). */
    static final int MAX_BARS = 60;

    /**
     * Bucket sizes people read at a glance. Each is at most twice the one before: that is what guarantees that some
     * size gives between {@link #MIN_BARS} and {@link #MAX_BARS} = 2 × MIN_BARS bars (a jump of 2.5, as 2 s to 5 s,
     * would leave a 130 s run with 65 or 26 bars). Beyond the last, buckets are whole days.
     */
    private static final List<Duration> NICE = List.of(
            ms(1),
            ms(2),
            ms(3),
            ms(5),
            ms(10),
            ms(20),
            ms(25),
            ms(50),
            ms(100),
            ms(200),
            ms(250),
            ms(500),
            Duration.ofSeconds(1),
            Duration.ofSeconds(2),
            Duration.ofSeconds(3),
            Duration.ofSeconds(5),
            Duration.ofSeconds(10),
            Duration.ofSeconds(15),
            Duration.ofSeconds(20),
            Duration.ofSeconds(30),
            Duration.ofMinutes(1),
            Duration.ofMinutes(2),
            Duration.ofMinutes(3),
            Duration.ofMinutes(5),
            Duration.ofMinutes(10),
            Duration.ofMinutes(15),
            Duration.ofMinutes(20),
            Duration.ofMinutes(30),
            Duration.ofHours(1),
            Duration.ofHours(2),
            Duration.ofHours(3),
            Duration.ofHours(6),
            Duration.ofHours(12),
            Duration.ofDays(1));

    /** The records recorded from {@code start} (since the run started) for one bucket's length. */
    public record Bucket(Duration start, long succeeded, long failed) {

        public long records() {
            return succeeded + failed;
        }
    }

    /**
     * @param runStart when the run started: the chart's time zero
     * @param runLength how long the run took (or has been running); records recorded after it (a clock that stepped)
     *        stretch the chart rather than vanish
     */
    public static ThroughputBuckets of(Instant runStart, Duration runLength, List<Recorded> records) {
        if (records.isEmpty()) {
            return new ThroughputBuckets(bucketFor(runLength), List.of());
        }
        Duration span = runLength;
        for (Recorded r : records) {
            Duration offset = Duration.between(runStart, r.at());
            if (offset.compareTo(span) > 0) {
                span = offset;
            }
        }
        Duration bucket = bucketFor(span);
        int count = (int) Math.max(1, ceilDiv(span.toMillis(), bucket.toMillis()));
        long[] succeeded = new long[count];
        long[] failed = new long[count];
        for (Recorded r : records) {
            // A record at the run's very end belongs to the last bucket; one before its start (clock) to the first.
            long index = Duration.between(runStart, r.at()).toMillis() / bucket.toMillis();
            int i = (int) Math.min(Math.max(index, 0), count - 1);
            if (r.failed()) {
                failed[i]++;
            } else {
                succeeded[i]++;
            }
        }
        List<Bucket> buckets = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            buckets.add(new Bucket(bucket.multipliedBy(i), succeeded[i], failed[i]));
        }
        return new ThroughputBuckets(bucket, List.copyOf(buckets));
    }

    /** The smallest nice bucket that cuts {@code span} into at most {@link #MAX_BARS} bars. */
    static Duration bucketFor(Duration span) {
        return niceAtLeast(Duration.ofMillis(ceilDiv(Math.max(span.toMillis(), 1), MAX_BARS)));
    }

    /** The smallest nice duration at least {@code least}: bucket sizes and the time axis's tick steps. */
    static Duration niceAtLeast(Duration least) {
        for (Duration nice : NICE) {
            if (nice.compareTo(least) >= 0) {
                return nice;
            }
        }
        return Duration.ofDays(ceilDiv(least.toMillis(), Duration.ofDays(1).toMillis()));
    }

    public long records() {
        return buckets.stream().mapToLong(Bucket::records).sum();
    }

    public long failed() {
        return buckets.stream().mapToLong(Bucket::failed).sum();
    }

    /** The most records in one bucket. */
    public long peak() {
        return buckets.stream().mapToLong(Bucket::records).max().orElse(0);
    }

    /** The time the buckets cover: from the run's start to the end of the last bucket. */
    public Duration span() {
        return bucket.multipliedBy(buckets.size());
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
