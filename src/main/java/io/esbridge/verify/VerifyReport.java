package io.esbridge.verify;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.esbridge.record.RecordType;

/**
 * What a verify found: how many applied links of each type it read back, and every drift. A record with several
 * changed fields counts once among the drifted records and has a line per field.
 */
public record VerifyReport(Map<RecordType, Long> checked, List<Drift> drift) {

    /** Drift lines in the text form; the JSON form has them all. */
    private static final int SHOWN = 200;

    public boolean clean() {
        return drift.isEmpty();
    }

    public long missing() {
        return drift.stream().filter(d -> d.kind() == Drift.Kind.MISSING).count();
    }

    /** Records with at least one changed field. */
    public long changed() {
        return drift.stream()
                .filter(d -> d.kind() == Drift.Kind.CHANGED)
                .map(d -> d.type() + ":" + d.billingKey())
                .distinct()
                .count();
    }

    public long total() {
        return checked.values().stream().mapToLong(Long::longValue).sum();
    }

    public String text() {
        StringBuilder text = new StringBuilder();
        drift.stream().limit(SHOWN).forEach(d -> text.append(d.line()).append('\n'));
        if (drift.size() > SHOWN) {
            text.append("… and ").append(drift.size() - SHOWN).append(" more (--json lists them all)\n");
        }
        text.append("Verified ").append(total()).append(" linked object(s)");
        Map<RecordType, Long> shown = new EnumMap<>(checked);
        text.append(" (");
        StringBuilder kinds = new StringBuilder();
        shown.forEach((type, n) -> kinds.append(kinds.isEmpty() ? "" : ", ")
                .append(type)
                .append(' ')
                .append(n));
        text.append(kinds).append("): ");
        text.append(missing())
                .append(" missing on the panel, ")
                .append(changed())
                .append(" changed on the panel");
        text.append(clean() ? "; no drift." : ".");
        return text.toString();
    }

    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        Map<String, Long> checkedJson = new LinkedHashMap<>();
        checked.forEach((type, n) -> checkedJson.put(type.name(), n));
        json.put("checked", checkedJson);
        json.put("missing", missing());
        json.put("changed", changed());
        json.put(
                "drift",
                drift.stream()
                        .map(d -> {
                            Map<String, Object> row = new LinkedHashMap<>();
                            row.put("kind", d.kind().name());
                            row.put("type", d.type().name());
                            row.put("billingKey", d.billingKey());
                            row.put("esId", d.esId());
                            row.put("field", d.field());
                            row.put("applied", d.applied());
                            row.put("panel", d.panel());
                            return row;
                        })
                        .toList());
        return json;
    }
}
