package io.esbridge.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;

/** Quota id to value, where -1 is unlimited; how a child's values compare to its parent's. */
final class QuotaValues {

    private QuotaValues() {}

    /** The child's quotas above the parent's (the rows of PackageResult.ExceedingQuotas). */
    static Map<Integer, Integer> exceeding(Map<Integer, Integer> child, Map<Integer, Integer> parent) {
        Map<Integer, Integer> exceeding = new LinkedHashMap<>();
        child.forEach((quotaId, value) -> {
            Integer limit = parent.get(quotaId);
            if (limit != null && limit >= 0 && (value < 0 || value > limit)) {
                exceeding.put(quotaId, value);
            }
        });
        return exceeding;
    }

    /** Sum of two grants; unlimited wins. */
    static int plus(int a, int b) {
        return a < 0 || b < 0 ? -1 : a + b;
    }
}
