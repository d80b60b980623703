package cnnkit.grader.report;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of {@code class-report.html}, cut at {@link #MAX_ROWS} rows so the report of a class of 1000 stays a few
 * hundred KiB; the cut says how many rows were left out. The caller orders the rows so the ones worth reading come
 * first (the lowest scores, the flagged checks).
 */
final class HtmlTable {
    /** Most rows shown of one table. */
    static final int MAX_ROWS = 200;

    private final List<String> headers;
    private final List<String> rows = new ArrayList<>();
    private int total;

    /** @param headers the column headings, the report's own text (not escaped) */
    HtmlTable(String... headers) {
        if (headers.length == 0) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.headers = List.of(headers);
    }

    /**
     * @param cssClass the row's class, or "" for none
     * @param cells    the cells as HTML, student text already escaped by the caller; one per column
     * @return this table
     * @throws IllegalArgumentException if the number of cells is not the number of columns
     */
    HtmlTable row(String cssClass, String... cells) {
        if (cells.length != headers.size()) {
            throw new IllegalArgumentException(
                    "a row of this table has " + headers.size() + " cells, not " + cells.length);
        }
        total++;
        if (rows.size() < MAX_ROWS) {
            rows.add("<tr" + (cssClass.isEmpty() ? "" : " class=\"" + cssClass + "\"") + "><td>"
                    + String.join("</td><td>", cells) + "</td></tr>\n");
        }
        return this;
    }

    /** @return the rows added, shown or not */
    int total() {
        return total;
    }

    /**
     * @param rest what the left-out rows are, e.g. "submissions (see gradebook.csv)"
     * @return the table, and a line saying how many rows were left out if any
     */
    String html(String rest) {
        StringBuilder s = new StringBuilder("<table>\n<thead><tr><th>")
                .append(String.join("</th><th>", headers))
                .append("</th></tr></thead>\n<tbody>\n");
        rows.forEach(s::append);
        s.append("</tbody>\n</table>\n");
        if (total > rows.size()) {
            s.append("<p class=\"cut\">… and ")
                    .append(total - rows.size())
                    .append(" more ")
                    .append(rest)
                    .append(" not listed.</p>\n");
        }
        return s.toString();
    }
}
