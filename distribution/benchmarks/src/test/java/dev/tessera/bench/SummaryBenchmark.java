package dev.tessera.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import org.junit.Test;

/** Runs last: prints one table of every measure (Tessera, baseline, ratio) and writes it as JSON. */
public class SummaryBenchmark {
    @Test
    public void report() throws Exception {
        List<String[]> rows = Results.read();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%n%-78s %-10s %10s %10s %7s  %s%n",
                "MEASURE", "UNIT", "TESSERA", "BASELINE", "RATIO", "BASELINE IS"));
        StringBuilder json = new StringBuilder("[\n");
        for (int i = 0; i < rows.size(); i++) {
            String[] r = rows.get(i);
            double tessera = Double.parseDouble(r[2]);
            double baseline = Double.parseDouble(r[3]);
            String ratio = baseline == 0 ? "-" : String.format(Locale.ROOT, "%.2f", tessera / baseline);
            table.append(String.format(Locale.ROOT, "%-78s %-10s %10s %10s %7s  %s%n", r[0], r[1], r[2], r[3], ratio, r[4]));
            json.append(String.format(Locale.ROOT, "  {\"measure\": \"%s\", \"unit\": \"%s\", \"tessera\": %s, "
                    + "\"baseline\": %s, \"ratio\": %s, \"baselineIs\": \"%s\"}%s%n", esc(r[0]), esc(r[1]), r[2], r[3],
                    baseline == 0 ? "null" : ratio, esc(r[4]), i < rows.size() - 1 ? "," : ""));
        }
        json.append("]\n");
        System.out.println(table);
        Files.writeString(Results.dir().resolve("results.json"), json.toString(), StandardCharsets.UTF_8);
        Files.writeString(Results.dir().resolve("results.txt"), table.toString(), StandardCharsets.UTF_8);
    }

    private static String esc(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
