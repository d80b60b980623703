package cnnkit.grader.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** The one place where grader tests read back the CSV files the grader writes (gradebooks, LMS exports). */
public final class Csv {
    private Csv() {}

    /** @return every record of a CSV file, the header line included */
    public static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
                CSVParser p = CSVFormat.DEFAULT.parse(in)) {
            return p.getRecords();
        }
    }

    /**
     * @param folder an output folder of the {@code grade} command
     * @return the rows of its {@code gradebook.csv} by submission id, in file order; columns are read by header name
     */
    public static Map<String, CSVRecord> gradebook(Path folder) throws IOException {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get();
        try (Reader in = Files.newBufferedReader(folder.resolve("gradebook.csv"), StandardCharsets.UTF_8);
                CSVParser p = format.parse(in)) {
            for (CSVRecord r : p) {
                rows.put(r.get("submission"), r);
            }
        }
        return rows;
    }
}
