package cnnkit.grader.report;

import static cnnkit.grader.report.HandMade.failing;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.report.MisconceptionTally.Count;
import cnnkit.grader.score.Grade;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Misconceptions are counted once per submission, under the one that explains most")
class MisconceptionTallyTest {
    @Nested
    @DisplayName("a submission's main misconception")
    class Main {
        @Test
        @DisplayName("is the id most of its failed checks carry")
        void mostExplaining() {
            assertThat(MisconceptionTally.main(failing("a", "same-size", "off-by-one", "off-by-one")))
                    .contains("off-by-one");
        }

        @Test
        @DisplayName("on a tie is the alphabetically first id")
        void tieAlphabetical() {
            assertThat(MisconceptionTally.main(failing("a", "zeta", "alpha", "zeta", "alpha")))
                    .contains("alpha");
        }

        @Test
        @DisplayName("is empty when no failed check carries one; a passed check's id does not count")
        void none() {
            Grade passedOnly = HandMade.grade(
                    "p", List.of(HandMade.check(0, true, "flipped-kernel"), HandMade.check(1, false, "")));
            assertThat(MisconceptionTally.main(passedOnly)).isEmpty();
            assertThat(MisconceptionTally.main(failing("b"))).isEmpty();
        }
    }

    @Nested
    @DisplayName("the class count")
    class Counts {
        @Test
        @DisplayName("counts each submission once, so the counts add up to at most the class size")
        void oncePerSubmission() {
            List<Grade> grades = List.of(
                    failing("a", "off-by-one", "same-size", "off-by-one"),
                    failing("b", "same-size"),
                    failing("c", "off-by-one", "same-size", "off-by-one"),
                    failing("d"));
            assertThat(MisconceptionTally.counts(grades))
                    .containsExactly(new Count("off-by-one", 2), new Count("same-size", 1));
        }

        @Test
        @DisplayName("lists the most frequent first, equal counts by id")
        void order() {
            List<Grade> grades =
                    List.of(failing("a", "zeta"), failing("b", "beta"), failing("c", "zeta"), failing("d", "alpha"));
            assertThat(MisconceptionTally.counts(grades))
                    .extracting(Count::id)
                    .containsExactly("zeta", "alpha", "beta");
        }

        @Test
        @DisplayName("refuses a count below 1")
        void atLeastOne() {
            assertThatThrownBy(() -> new Count("x", 0))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("at least 1");
        }
    }
}
