package io.esbridge.feed.output;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.esbridge.deadletter.DeadLetterStore;
import io.esbridge.mapping.Secrets;
import io.esbridge.run.RunReport;
import io.esbridge.run.RunStore;

/**
 * What a file run leaves beside the processed file once every record has an outcome: {@code <name>.report.json}
 * (the run report) and, when records failed, {@code <name>.rejects.csv}: every failed record of the run with its
 * original columns in their original order, then {@code error_field, error_code, error_name, error_message,
 * source_line}. The rejects file is UTF-8 with a byte order mark, safe to open in a spreadsheet (see
 * {@link RejectsCsv}), has no password (secret columns are left empty: the operator types the password in again,
 * or the record is refused as lacking one), and can be fixed and dropped into the inbox again: its error columns are
 * ignored there.
 */
@Component
public class RunFiles {

    public static final String REPORT_SUFFIX = ".report.json";
    public static final String REJECTS_SUFFIX = ".rejects.csv";

    private static final Logger LOG = LoggerFactory.getLogger(RunFiles.class);
    private static final Pattern LINE = Pattern.compile(" line (\\d+)$");

    private final DeadLetterStore deadLetters;
    private final ObjectMapper mapper;

    public RunFiles(DeadLetterStore deadLetters, ObjectMapper mapper) {
        this.deadLetters = deadLetters;
        this.mapper = mapper;
    }

    /** The files written for one run. */
    public record Written(Path report, Optional<Path> rejects) {}

    /**
     * Writes the report of a finished run (as closing the run computed it) and its rejects into {@code folder}, named
     * {@code baseName} plus {@link #REPORT_SUFFIX} / {@link #REJECTS_SUFFIX}.
     */
    public Written write(RunReport report, Path folder, String baseName) throws IOException {
        Files.createDirectories(folder);
        Optional<Path> rejects = writeRejects(report.runId(), folder.resolve(baseName + REJECTS_SUFFIX));
        Map<String, Object> json = new LinkedHashMap<>(RunStore.reportJson(report));
        rejects.ifPresent(path -> json.put("rejectsFile", path.getFileName().toString()));
        Path reportFile = folder.resolve(baseName + REPORT_SUFFIX);
        Files.writeString(
                reportFile, mapper.writerWithDefaultPrettyPrinter().writeValueAsString(json), StandardCharsets.UTF_8);
        return new Written(reportFile, rejects);
    }

    private Optional<Path> writeRejects(String runId, Path target) throws IOException {
        List<Reject> rejects = new ArrayList<>(deadLetters.ofRun(runId).stream()
                .map(d ->
                        new Reject(d.source(), d.field(), d.errorCode(), d.errorName(), d.message(), raw(d.rawJson())))
                .toList());
        if (rejects.isEmpty()) {
            return Optional.empty();
        }
        rejects.sort(Comparator.comparingLong(Reject::line));
        LinkedHashSet<String> columns = new LinkedHashSet<>();
        rejects.forEach(r -> columns.addAll(r.raw().keySet()));
        columns.removeAll(RejectsCsv.ERROR_COLUMNS);
        try (Writer out = Files.newBufferedWriter(target, StandardCharsets.UTF_8)) {
            out.write(RejectsCsv.BOM);
            List<String> header = new ArrayList<>(columns);
            header.addAll(RejectsCsv.ERROR_COLUMNS);
            out.write(RejectsCsv.line(header));
            out.write("\r\n");
            for (Reject r : rejects) {
                List<String> cells = new ArrayList<>();
                for (String column : columns) {
                    String value = r.raw().get(column);
                    cells.add(
                            value == null || Secrets.MASK.equals(value) || Secrets.isSecret(column, List.of())
                                    ? ""
                                    : value);
                }
                cells.add(r.field());
                cells.add(r.code() == null ? "" : String.valueOf(r.code()));
                cells.add(r.name());
                cells.add(r.message());
                cells.add(r.line() == Long.MAX_VALUE ? r.source() : String.valueOf(r.line()));
                out.write(RejectsCsv.line(cells));
                out.write("\r\n");
            }
        }
        LOG.info("{} failed record(s) of run {} written to {}", rejects.size(), runId, target);
        return Optional.of(target);
    }

    private Map<String, String> raw(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, String> raw = mapper.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {});
            return raw == null ? Map.of() : raw;
        } catch (IOException e) {
            return Map.of();
        }
    }

    private record Reject(
            String source, String field, Integer code, String name, String message, Map<String, String> raw) {

        long line() {
            Matcher m = source == null ? null : LINE.matcher(source);
            return m != null && m.find() ? Long.parseLong(m.group(1)) : Long.MAX_VALUE;
        }
    }
}
