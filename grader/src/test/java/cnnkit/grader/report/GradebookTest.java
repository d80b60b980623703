package cnnkit.grader.report;

import static org.assertj.core.api.Assertions.assertThat;

import cnnkit.grader.common.Assignment;
import cnnkit.grader.course.GradebookTable;
import cnnkit.grader.score.Grade;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The gradebook")
class GradebookTest {
    @Test
    @DisplayName("as a table from the grades in memory is what reading its written CSV back gives, row for row")
    void tableFromGradesIsTheFileReadBack(@TempDir Path temp) throws IOException {
        List<Grade> grades = List.of(
                HandMade.grade("eve", true, false, true),
                HandMade.grade("=ada", false),
                HandMade.grade("bob", true, true));
        Path csv = temp.resolve("gradebook.csv");
        Gradebook.write(csv, grades);

        GradebookTable read = GradebookTable.load(csv);

        assertThat(GradebookTable.of(Assignment.FORWARD, grades)).isEqualTo(read);
        assertThat(read.assignment()).isEqualTo(Assignment.FORWARD);
        assertThat(read.rows()).extracting(GradebookTable.Row::score).containsExactly("0", "2", "2");
    }
}
