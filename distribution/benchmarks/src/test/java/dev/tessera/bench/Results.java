package dev.tessera.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Benchmark results as lines of {@code results.tsv} under {@code bench.out}: measure, unit, Tessera, baseline (and
 * what the baseline is). Both JVMs (the test driver and the Karaf container) append to the same file.
 */
final class Results {
    private Results() {
    }

    static Path dir() {
        String out = System.getProperty("bench.out");
        if (out == null) {
            throw new IllegalStateException("bench.out is not set: run the benchmarks with mvn -Pbench");
        }
        return Path.of(out);
    }

    static synchronized void add(String measure, String unit, double tessera, double baseline, String baselineIs) {
        String line = String.join("\t", measure, unit, format(tessera), format(baseline), baselineIs) + "\n";
        try {
            Files.createDirectories(dir());
            Files.writeString(dir().resolve("results.tsv"), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        System.out.println("BENCH " + line.trim());
    }

    static List<String[]> read() throws IOException {
        List<String[]> rows = new ArrayList<>();
        Path file = dir().resolve("results.tsv");
        if (Files.exists(file)) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    rows.add(line.split("\t", -1));
                }
            }
        }
        return rows;
    }

    static String format(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }
}
