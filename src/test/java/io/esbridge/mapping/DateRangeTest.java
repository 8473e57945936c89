package io.esbridge.mapping;

import static io.esbridge.mapping.SampleMappings.datedSubscriptionMapper;
import static io.esbridge.mapping.SampleMappings.datedSubscriptionRow;
import static io.esbridge.mapping.SampleMappings.map;
import static io.esbridge.mapping.SampleMappings.subscription;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.esbridge.record.AddonRecord;
import io.esbridge.record.SubscriptionRecord;

/**
 * The panel keeps its dates in SQL Server {@code datetime} (1753-01-01 to 9999-12-31): a date before its first day
 * is refused at mapping, naming the field, the value and why, instead of reaching the server and coming back as a
 * SOAP fault; the first and the last day still map.
 */
class DateRangeTest {

    private static final String BEFORE =
            "is before 1753-01-01, the earliest date the Enterprise Server's database" + " can store";

    @ParameterizedTest
    @ValueSource(strings = {"0001-01-01", "1752-12-31", "1752-12-31 23:59:59", "1000-06-15 12:00:00", "29.02.1600"})
    void aDateBeforeTheFirstDayOfSqlServersDatetimeIsRefused(String date) {
        assertThatThrownBy(() -> map("subscriptions", subscription(date)))
                .isInstanceOfSatisfying(FieldRejection.class, r -> {
                    assertThat(r.field()).isEqualTo("PurchaseDate");
                    assertThat(r.value()).isEqualTo(date);
                    assertThat(r.reason()).isEqualTo(BEFORE);
                });
    }

    @Test
    void anAddonsDateIsCheckedToo() {
        Map<String, String> row = new HashMap<>(Map.of(
                "addon_id",
                "A1",
                "service_id",
                "S1",
                "customer_id",
                "C1",
                "addon",
                "disk-10gb",
                "quantity",
                "1",
                "status",
                "active",
                "start_date",
                "1700-01-01"));
        assertThatThrownBy(() -> map("addons", row))
                .isInstanceOfSatisfying(
                        FieldRejection.class, r -> assertThat(r.reason()).isEqualTo(BEFORE));
        row.put("start_date", "1753-01-01");
        assertThat(((AddonRecord) map("addons", row)).purchaseDate()).isEqualTo(LocalDateTime.of(1753, 1, 1, 0, 0));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1753-01-01 | 1753-01-01T00:00",
                "01.01.1753 | 1753-01-01T00:00",
                "9999-12-31 | 9999-12-31T00:00",
                "9999-12-31 23:59:59 | 9999-12-31T23:59:59"
            })
    void theFirstAndLastDaysStillMap(String date, LocalDateTime expected) {
        assertThat(((SubscriptionRecord) map("subscriptions", subscription(date))).purchaseDate())
                .isEqualTo(expected);
    }

    @Test
    void aMappingWhoseFormatReadsLongerYearsIsRefusedAfterTheLastDay() {
        RecordMapper mapper = datedSubscriptionMapper("long-years", "uuuuu-MM-dd");
        Map<String, String> row = datedSubscriptionRow("10000-01-01");
        assertThatThrownBy(() -> mapper.map(row))
                .isInstanceOfSatisfying(FieldRejection.class, r -> assertThat(r.reason())
                        .isEqualTo("is after 9999-12-31, the latest date the Enterprise Server's database can store"));
    }
}
