package io.esbridge.client;

import java.util.List;
import java.util.Map;

import io.esbridge.contract.DataSet;

/** Reads {@code PackageResult.ExceedingQuotas}: table {@code Table} with columns QuotaID, QuotaName, QuotaValue. */
final class ExceedingQuotas {

    private ExceedingQuotas() {}

    static List<ExceedingQuota> read(DataSet dataSet) {
        return DataSetTables.read(dataSet).rows().stream()
                .map(ExceedingQuotas::quota)
                .toList();
    }

    private static ExceedingQuota quota(Map<String, String> row) {
        return new ExceedingQuota(intValue(row.get("QuotaID")), row.get("QuotaName"), intValue(row.get("QuotaValue")));
    }

    private static int intValue(String text) {
        return text == null || text.isBlank() ? 0 : Integer.parseInt(text.strip());
    }
}
