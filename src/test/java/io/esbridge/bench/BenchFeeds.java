package io.esbridge.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes benchmark feeds: {@code customers-<tag>.csv} with {@code n} customers and {@code subscriptions-<tag>.csv}
 * with one subscription each (plan Starter/Business), usernames prefixed with the tag so that scenarios sharing one
 * sandbox never meet. Usage: {@code BenchFeeds <folder> <tag> <n> [customers-only]}.
 */
public final class BenchFeeds {

    private BenchFeeds() {}

    public static void main(String[] args) throws IOException {
        Path folder = Path.of(args[0]);
        String tag = args[1];
        long n = Long.parseLong(args[2]);
        boolean customersOnly = args.length > 3 && Boolean.parseBoolean(args[3]);
        Files.createDirectories(folder);
        customers(folder.resolve("customers-" + tag + ".csv"), tag, n);
        if (!customersOnly) {
            subscriptions(folder.resolve("subscriptions-" + tag + ".csv"), tag, n);
        }
    }

    static void customers(Path file, String tag, long n) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("customer_id,username,password,first_name,last_name,email,company,city,country,status,created\n");
            for (long i = 1; i <= n; i++) {
                out.write(tag + "C" + i + "," + tag + "u" + i + ",Bench-Pw-" + (i * 7919 % 100000)
                        + "x,Jane,\"Doe, Jr.\"," + tag + "u" + i + "@example.com,Acme " + i
                        + ",Berlin,DE,active,2020-01-01\n");
            }
        }
    }

    static void subscriptions(Path file, String tag, long n) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("service_id,customer_id,product,domain,status,start_date\n");
            for (long i = 1; i <= n; i++) {
                out.write(tag + "S" + i + "," + tag + "C" + i + "," + (i % 3 == 0 ? "business" : "starter") + "," + tag
                        + "u" + i + ".example.net,active,2024-01-01\n");
            }
        }
    }
}
