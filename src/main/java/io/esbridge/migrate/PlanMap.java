package io.esbridge.migrate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Source plan names to target plan names ({@code --plan-map FILE}: {@code source name=target name} lines, {@code #}
 * comments), for plans renamed on the target; a plan not in the map keeps its name.
 */
public record PlanMap(Map<String, String> names) {

    public static PlanMap none() {
        return new PlanMap(Map.of());
    }

    public static PlanMap read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the plan map " + file, e);
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || eq == line.length() - 1) {
                throw new IllegalArgumentException(file + " line " + (i + 1)
                        + ": expected 'source plan name=target plan name', found no name on one side of '='");
            }
            String from = line.substring(0, eq).strip();
            if (names.put(from, line.substring(eq + 1).strip()) != null) {
                throw new IllegalArgumentException(file + " line " + (i + 1) + ": plan '" + from + "' is mapped twice");
            }
        }
        return new PlanMap(Map.copyOf(names));
    }

    String target(String sourceName) {
        return sourceName == null ? null : names.getOrDefault(sourceName, sourceName);
    }
}
