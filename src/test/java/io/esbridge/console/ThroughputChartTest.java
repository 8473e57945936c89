package io.esbridge.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import io.esbridge.console.ThroughputBuckets.Bucket;
import io.esbridge.console.ThroughputChart.Bar;
import io.esbridge.run.Recorded;

/**
 * The throughput chart's buckets and drawing, without a server: bucket sizes follow the run's length (30 to 60 bars),
 * the bars hold every record of the run, and failures sit on top of successes.
 */
class ThroughputChartTest {

    private static final Instant START = Instant.parse("2026-11-26T08:00:00Z");

    @Test
    void aRunOfFourTenthsOfASecondHasSeveralMillisecondBuckets() {
        List<Recorded> records = records(Duration.ofMillis(400), 250, 9);

        ThroughputChart chart = chart(Duration.ofMillis(400), records);

        assertThat(chart.buckets().bucket()).isEqualTo(Duration.ofMillis(10));
        assertBarsHoldTheRun(chart, records);
        assertThat(chart.timeAxisLabel()).isEqualTo("time since the run started (ms)");
        assertThat(chart.recordAxisLabel()).isEqualTo("records per 10 ms");
        assertThat(chart.timeTicks())
                .extracting(ThroughputChart.Tick::label)
                .containsExactly("0", "100", "200", "300", "400");
    }

    @Test
    void aRunOfThreeSecondsIsNotOneSolidBar() {
        List<Recorded> records = records(Duration.ofSeconds(3), 40, 5);

        ThroughputChart chart = chart(Duration.ofSeconds(3), records);

        assertThat(chart.buckets().bucket()).isEqualTo(Duration.ofMillis(50));
        assertBarsHoldTheRun(chart, records);
        assertThat(chart.timeAxisLabel()).isEqualTo("time since the run started (s)");
        assertThat(chart.timeTicks())
                .extracting(ThroughputChart.Tick::label)
                .containsExactly("0", "0.5", "1", "1.5", "2", "2.5", "3");
    }

    @Test
    void aRunOfSeventyFiveSecondsHasTwoSecondBuckets() {
        List<Recorded> records = records(Duration.ofSeconds(75), 3_000, 11);

        ThroughputChart chart = chart(Duration.ofSeconds(75), records);

        assertThat(chart.buckets().bucket()).isEqualTo(Duration.ofSeconds(2));
        assertBarsHoldTheRun(chart, records);
        assertThat(chart.recordAxisLabel()).isEqualTo("records per 2 s");
    }

    @Test
    void aRunOfTwoHoursHasMinuteBuckets() {
        List<Recorded> records = records(Duration.ofHours(2), 20_000, 13);

        ThroughputChart chart = chart(Duration.ofHours(2), records);

        assertThat(chart.buckets().bucket()).isEqualTo(Duration.ofMinutes(2));
        assertBarsHoldTheRun(chart, records);
        assertThat(chart.timeAxisLabel()).isEqualTo("time since the run started (min)");
        assertThat(chart.recordAxisLabel()).isEqualTo("records per 2 min");
    }

    @Test
    void anEmptyRunHasNoBars() {
        ThroughputChart chart = chart(Duration.ofSeconds(5), List.of());

        assertThat(chart.buckets().buckets()).isEmpty();
        assertThat(chart.bars()).isEmpty();
        assertThat(chart.buckets().peak()).isZero();
    }

    @Test
    void aRunWithOnlyFailuresIsAllFailureSegments() {
        List<Recorded> records = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            records.add(new Recorded(START.plusMillis(i * 100L), true));
        }

        ThroughputChart chart = chart(Duration.ofMillis(2_900), records);

        assertBarsHoldTheRun(chart, records);
        assertThat(chart.bars()).allSatisfy(bar -> {
            assertThat(bar.succeeded()).isZero();
            assertThat(bar.succeededHeight()).isZero();
            assertThat(bar.failedHeight()).isPositive();
        });
    }

    /** Fewer than 30 bars only when the run spans fewer than 30 distinct milliseconds, the chart's finest slot. */
    @Test
    void aRunOfTwelveMillisecondsHasOneBarPerMillisecond() {
        List<Recorded> records = List.of(
                new Recorded(START, false),
                new Recorded(START.plusMillis(5), true),
                new Recorded(START.plusMillis(12), false));

        ThroughputBuckets buckets = ThroughputBuckets.of(START, Duration.ofMillis(12), records);

        assertThat(buckets.bucket()).isEqualTo(Duration.ofMillis(1));
        assertThat(buckets.buckets()).hasSize(12);
        assertThat(buckets.records()).isEqualTo(3);
        assertThat(buckets.buckets().get(11).records())
                .as("the record at the run's very end")
                .isEqualTo(1);
    }

    /** Every length from 30 ms to 40 days: between each two nice sizes lies a run that would fall outside 30..60. */
    @Test
    void everyRunLengthGetsThirtyToSixtyBarsOfANiceSize() {
        List<Duration> nice = List.of(
                Duration.ofMillis(1),
                Duration.ofMillis(2),
                Duration.ofMillis(3),
                Duration.ofMillis(5),
                Duration.ofMillis(10),
                Duration.ofMillis(20),
                Duration.ofMillis(25),
                Duration.ofMillis(50),
                Duration.ofMillis(100),
                Duration.ofMillis(200),
                Duration.ofMillis(250),
                Duration.ofMillis(500),
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
                Duration.ofHours(12));
        for (long ms = 30; ms <= Duration.ofDays(40).toMillis(); ms = ms * 103 / 100 + 1) {
            Duration length = Duration.ofMillis(ms);
            ThroughputBuckets buckets = ThroughputBuckets.of(
                    START, length, List.of(new Recorded(START, false), new Recorded(START.plus(length), true)));
            assertThat(buckets.buckets()).as("bars of a %d ms run", ms).hasSizeBetween(30, 60);
            assertThat(nice.contains(buckets.bucket()) || buckets.bucket().toMillis() % 86_400_000 == 0)
                    .as("%s is a nice bucket for a %d ms run", buckets.bucket(), ms)
                    .isTrue();
            assertThat(buckets.records()).isEqualTo(2);
        }
    }

    /** A record stamped after the run's end (a clock that stepped) widens the chart rather than vanishing. */
    @Test
    void aRecordAfterTheRunsEndStretchesTheChart() {
        List<Recorded> records =
                List.of(new Recorded(START.plusSeconds(1), false), new Recorded(START.plusSeconds(20), true));

        ThroughputBuckets buckets = ThroughputBuckets.of(START, Duration.ofSeconds(3), records);

        assertThat(buckets.span()).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        assertThat(buckets.buckets()).hasSizeBetween(30, 60);
        assertThat(buckets.failed()).isEqualTo(1);
    }

    private static ThroughputChart chart(Duration length, List<Recorded> records) {
        return ThroughputChart.of(ThroughputBuckets.of(START, length, records));
    }

    /**
     * 30 to 60 buckets; the buckets and the drawn bars hold the run's records and failures; each bar's failures sit
     * right on its successes, which stand on the x axis, both as tall as their counts.
     */
    private static void assertBarsHoldTheRun(ThroughputChart chart, List<Recorded> records) {
        long failed = records.stream().filter(Recorded::failed).count();
        List<Bucket> buckets = chart.buckets().buckets();
        assertThat(buckets).hasSizeBetween(30, 60);
        assertThat(buckets.stream().mapToLong(Bucket::records).sum()).isEqualTo(records.size());
        assertThat(buckets.stream().mapToLong(Bucket::failed).sum()).isEqualTo(failed);
        assertThat(chart.bars().stream()
                        .mapToLong(b -> b.succeeded() + b.failed())
                        .sum())
                .isEqualTo(records.size());
        assertThat(chart.bars().stream().mapToLong(Bar::failed).sum()).isEqualTo(failed);
        assertThat(chart.bars())
                .as("a run spread over its length shows more than one bar")
                .hasSizeGreaterThan(1);

        double top = chart.recordTicks().get(chart.recordTicks().size() - 1).at();
        long topRecords = Long.parseLong(
                chart.recordTicks().get(chart.recordTicks().size() - 1).label());
        assertThat(topRecords).isGreaterThanOrEqualTo(chart.buckets().peak());
        double perRecord = (chart.plotBottom() - top) / topRecords;
        for (Bar bar : chart.bars()) {
            assertThat(bar.succeededY() + bar.succeededHeight()).isCloseTo(chart.plotBottom(), within(0.2));
            assertThat(bar.failedY() + bar.failedHeight()).isCloseTo(bar.succeededY(), within(0.2));
            assertThat(bar.succeededHeight()).isCloseTo(bar.succeeded() * perRecord, within(0.2));
            assertThat(bar.failedHeight()).isCloseTo(bar.failed() * perRecord, within(0.2));
        }
    }

    /** {@code count} records over {@code length}: the first at the start, the last at the end, every nth failed. */
    private static List<Recorded> records(Duration length, int count, int everyNthFailed) {
        Random random = new Random(length.toMillis());
        List<Recorded> records = new ArrayList<>();
        records.add(new Recorded(START, false));
        for (int i = 1; i < count - 1; i++) {
            long at = (long) (random.nextDouble() * length.toMillis());
            records.add(new Recorded(START.plusMillis(at), i % everyNthFailed == 0));
        }
        records.add(new Recorded(START.plus(length), true));
        return records;
    }
}
