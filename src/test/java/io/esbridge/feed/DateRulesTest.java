package io.esbridge.feed;

import static io.esbridge.mapping.SampleMappings.assertRejected;
import static io.esbridge.mapping.SampleMappings.datedSubscriptionMapper;
import static io.esbridge.mapping.SampleMappings.datedSubscriptionRow;
import static io.esbridge.mapping.SampleMappings.map;
import static io.esbridge.mapping.SampleMappings.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.esbridge.mapping.FieldRejection;
import io.esbridge.mapping.RecordMapper;
import io.esbridge.record.SubscriptionRecord;

/**
 * Dates are read strictly: one the calendar does not have ({@code 2024-02-31}) is refused naming the field, the
 * value and why, where it used to be moved to the month's last day; real dates in every accepted format still map,
 * and mappings written with {@code yyyy} keep working.
 */
class DateRulesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-02-31 | February 2024 has 29 days, not 31",
                "2023-02-29 | February 2023 has 28 days, not 29",
                "2024-04-31 | April 2024 has 30 days, not 31",
                "31.04.2024 | April 2024 has 30 days, not 31",
                "2024-00-10 | there is no month 0 (months run 1 to 12)",
                "2024-01-01 24:00:00 | there is no hour 24 (hours run 0 to 23)"
            })
    void aDateTheCalendarDoesNotHaveIsRefusedWithTheReason(String date, String reason) {
        assertRejected("subscriptions", subscription(date), "PurchaseDate", date, "is not a valid date: " + reason);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-02-29 | 2024-02-29T00:00",
                "29.02.2024 | 2024-02-29T00:00",
                "2024-02-29 23:59:59 | 2024-02-29T23:59:59",
                "1753-01-01 | 1753-01-01T00:00",
                "9999-12-31 | 9999-12-31T00:00"
            })
    void everyAcceptedFormatStillReadsRealDates(String date, LocalDateTime expected) {
        assertThat(((SubscriptionRecord) map("subscriptions", subscription(date))).purchaseDate())
                .isEqualTo(expected);
    }

    @Test
    void aMappingWritingYyyyReadsTheYearStrictlyToo() {
        RecordMapper mapper = datedSubscriptionMapper("legacy", "dd/MM/yyyy", "yyyy-MM-dd'T'HH:mm", "'y'yyyy.MM.dd");
        Map<String, String> row = datedSubscriptionRow("29/02/2024");
        assertThat(((SubscriptionRecord) mapper.map(row)).purchaseDate())
                .isEqualTo(LocalDateTime.of(2024, 2, 29, 0, 0));
        row.put("date", "2024-03-01T10:15");
        assertThat(((SubscriptionRecord) mapper.map(row)).purchaseDate())
                .isEqualTo(LocalDateTime.of(2024, 3, 1, 10, 15));
        row.put("date", "y2024.03.02");
        assertThat(((SubscriptionRecord) mapper.map(row)).purchaseDate()).isEqualTo(LocalDateTime.of(2024, 3, 2, 0, 0));
        row.put("date", "30/02/2024");
        assertThatThrownBy(() -> mapper.map(row))
                .isInstanceOfSatisfying(FieldRejection.class, r -> assertThat(r.reason())
                        .isEqualTo("is not a valid date: February 2024 has 29 days, not 30"));
    }
}
