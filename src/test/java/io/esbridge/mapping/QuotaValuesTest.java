package io.esbridge.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.esbridge.catalogue.QuotaCatalogue;

/** Quota values as other panels write them: sizes with units converted to the quota's unit, unlimited, yes/no. */
class QuotaValuesTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Disk space, MB        | 500M          | 500",
                "Disk space, MB        | 500 MB        | 500",
                "Disk space, MB        | 1G            | 1024",
                "Disk space, MB        | 1.5GiB        | 1536",
                "Disk space, MB        | 1073741824 B  | 1024",
                "Disk space, MB        | 1000000 bytes | 1",
                "Disk space, MB        | 1048577B      | 2",
                "Disk space, MB        | 2048K         | 2",
                "Disk space, MB        | 750           | 750",
                "Disk space, MB        | unlimited     | -1",
                "Disk space, MB        | Unlimited     | -1",
                "Disk space, MB        | -1 B          | -1",
                "Bandwidth, MB         | 1T            | 1048576",
                "VPS / Monthly bandwidth, GB | 2048M   | 2",
                "Maximum Send Message Size (Kb) | 10M  | 10240",
                "Mail / Max Mailbox Size | 104857600 B | 100",
                "Web Sites             | 5             | 5",
                "Web Sites             | -1            | -1",
                "Web / Frontpage       | yes           | 1",
            })
    void convertsToTheQuotasUnitRoundingUp(String quota, String value, int stored) {
        int id = QuotaCatalogue.get().quotaId(quota);
        assertThat(QuotaValues.of(id, value)).isEqualTo(stored);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Web Sites      | 5M      | has a size (m), but Web Sites counts, it is no size: write the number alone",
                "Disk space, MB | 5 apples | has a value that is not a number, a size with its unit",
                "Disk space, MB | -5      | is negative; write -1 or unlimited for no limit",
                "Disk space, MB | 3000T   | is larger than the panel can store (2147483647)",
                "Disk space, MB | 1.5     | has a value that is not a number",
            })
    void refusesWhatIsNoValueOfThatQuota(String quota, String value, String reason) {
        int id = QuotaCatalogue.get().quotaId(quota);
        assertThatThrownBy(() -> QuotaValues.of(id, value))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith(reason);
    }
}
