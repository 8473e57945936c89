package io.esbridge.feed;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.camel.impl.DefaultCamelContext;

import io.esbridge.feed.read.CsvFeedRows;
import io.esbridge.feed.read.SourcedRow;
import io.esbridge.mapping.FeedMapper;
import io.esbridge.mapping.FieldRejection;
import io.esbridge.mapping.MappingRegistry;

/**
 * Streams a customers CSV through the reader and the customers mapping, the way the file route does, and prints what
 * it read and the peak heap. The benchmark: {@code java -Xmx256m -cp ... io.esbridge.feed.MillionRowStreaming
 * <file.csv> <mappings folder> <mapping> [rows to generate first]}, e.g. {@code config/mappings customers}.
 */
public final class MillionRowStreaming {

    private MillionRowStreaming() {}

    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        if (args.length > 3) {
            generate(file, Long.parseLong(args[3]));
        }
        long start = System.nanoTime();
        DefaultCamelContext camel = new DefaultCamelContext();
        camel.start();
        FeedMapper mapper = new MappingRegistry(Path.of(args[1]), camel).mapper(args[2]);
        long valid = 0;
        long rejected = 0;
        try (InputStream in = Files.newInputStream(file);
                CsvFeedRows rows = new CsvFeedRows(
                        in, StandardCharsets.UTF_8, "", file.getFileName().toString(), mapper.requiredColumn())) {
            while (rows.hasNext()) {
                SourcedRow row = rows.next();
                try {
                    mapper.mapperFor(row.values()).map(row.values());
                    valid++;
                } catch (FieldRejection e) {
                    rejected++;
                }
            }
        }
        long peak = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .map(MemoryPoolMXBean::getPeakUsage)
                .mapToLong(u -> u.getUsed())
                .sum();
        System.out.printf(
                "rows=%d valid=%d rejected=%d seconds=%.1f peakHeapMB=%d maxHeapMB=%d%n",
                valid + rejected,
                valid,
                rejected,
                (System.nanoTime() - start) / 1e9,
                peak >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    /** A customers CSV of {@code rows} rows, every 1000th with a bad e-mail, written row by row. */
    static void generate(Path file, long rows) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,username,password,first_name,last_name,email,status,created\n");
            for (long i = 1; i <= rows; i++) {
                out.write("C" + i + ",user" + i + ",pw" + i + ",Иван,\"Petrov, Jr.\","
                        + (i % 1000 == 0 ? "broken" : "user" + i + "@example.com") + ",active,2020-01-01\n");
            }
        }
    }
}
