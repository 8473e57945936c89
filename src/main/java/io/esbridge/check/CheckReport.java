package io.esbridge.check;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.esbridge.record.RecordType;

/**
 * What the pre-flight check found, graded and counted per kind. Only the first {@link #SHOWN} findings of each kind are
 * kept: a 100,000-row input with one systematic mistake makes one line and a count, not 100,000 lines.
 */
public final class CheckReport {

    /** Findings kept (and shown) per kind; the count covers them all. */
    public static final int SHOWN = 20;

    private final Map<FindingKind, Long> counts = new EnumMap<>(FindingKind.class);
    private final Map<FindingKind, List<Finding>> first = new EnumMap<>(FindingKind.class);
    private final Map<RecordType, Long> records = new EnumMap<>(RecordType.class);
    private final List<String> files = new ArrayList<>();
    private long targetUsers;

    void add(Finding finding) {
        counts.merge(finding.kind(), 1L, Long::sum);
        List<Finding> kept = first.computeIfAbsent(finding.kind(), k -> new ArrayList<>());
        if (kept.size() < SHOWN) {
            kept.add(finding);
        }
    }

    void file(String name) {
        files.add(name);
    }

    /** A record read (valid or not); {@code type} null when not even its type could be told. */
    void record(RecordType type) {
        if (type != null) {
            records.merge(type, 1L, Long::sum);
        }
    }

    void targetUsers(long users) {
        targetUsers = users;
    }

    public long count(Grade grade) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().grade() == grade)
                .mapToLong(Map.Entry::getValue)
                .sum();
    }

    public long count(FindingKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    public List<Finding> first(FindingKind kind) {
        return List.copyOf(first.getOrDefault(kind, List.of()));
    }

    public long records(RecordType type) {
        return records.getOrDefault(type, 0L);
    }

    /** Nothing that would fail or be decided by a policy: the import can go ahead as it stands. */
    public boolean clean() {
        return count(Grade.ERROR) == 0 && count(Grade.WARNING) == 0;
    }

    public String text() {
        StringBuilder text = new StringBuilder("check of ")
                .append(files.size())
                .append(" file(s): ")
                .append(recordCounts())
                .append("; the target has ")
                .append(targetUsers)
                .append(" user(s)\n")
                .append(count(Grade.ERROR))
                .append(" error(s), ")
                .append(count(Grade.WARNING))
                .append(" warning(s), ")
                .append(count(Grade.NOTE))
                .append(" note(s); nothing was written");
        for (Grade grade : Grade.values()) {
            for (FindingKind kind : FindingKind.values()) {
                if (kind.grade() != grade || count(kind) == 0) {
                    continue;
                }
                text.append("\n")
                        .append(grade)
                        .append(" ")
                        .append(kind)
                        .append(": ")
                        .append(count(kind))
                        .append(" ")
                        .append(kind.title());
                first(kind).forEach(f -> text.append("\n  ").append(f.describe()));
                if (count(kind) > SHOWN) {
                    text.append("\n  … and ").append(count(kind) - SHOWN).append(" more");
                }
            }
        }
        return text.toString();
    }

    private String recordCounts() {
        StringBuilder counted = new StringBuilder();
        for (RecordType type : RecordType.values()) {
            if (records(type) > 0) {
                counted.append(counted.isEmpty() ? "" : ", ")
                        .append(records(type))
                        .append(" ")
                        .append(type);
            }
        }
        return counted.isEmpty() ? "no records" : counted.toString();
    }

    /** The report as one JSON object ({@code --json}): the counts, and per kind its grade, count and first records. */
    public Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("files", List.copyOf(files));
        Map<String, Long> read = new LinkedHashMap<>();
        records.forEach((type, n) -> read.put(type.name(), n));
        json.put("records", read);
        json.put("targetUsers", targetUsers);
        json.put("errors", count(Grade.ERROR));
        json.put("warnings", count(Grade.WARNING));
        json.put("notes", count(Grade.NOTE));
        List<Map<String, Object>> kinds = new ArrayList<>();
        for (FindingKind kind : FindingKind.values()) {
            if (count(kind) == 0) {
                continue;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("kind", kind.name());
            entry.put("grade", kind.grade().name());
            entry.put("title", kind.title());
            entry.put("count", count(kind));
            entry.put(
                    "first",
                    first(kind).stream()
                            .map(f -> {
                                Map<String, Object> one = new LinkedHashMap<>();
                                one.put("source", f.source().toString());
                                one.put(
                                        "recordType",
                                        f.type() == null ? null : f.type().name());
                                one.put("billingKey", f.billingKey());
                                one.put("field", f.field());
                                one.put("reason", f.reason());
                                return one;
                            })
                            .toList());
            kinds.add(entry);
        }
        json.put("findings", kinds);
        return json;
    }
}
