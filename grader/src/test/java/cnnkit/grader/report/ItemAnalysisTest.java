package cnnkit.grader.report;

import static cnnkit.grader.report.HandMade.grade;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cnnkit.grader.report.ItemAnalysis.Flag;
import cnnkit.grader.report.ItemAnalysis.Item;
import cnnkit.grader.score.Grade;
import cnnkit.grader.score.GradeStatus;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Item analysis of the checks")
class ItemAnalysisTest {
    /**
     * Four submissions, four checks (1 point each, so the score is the number passed):
     * c0 everyone fails, c1 everyone passes, c2 passed by c and d, c3 by b only; scores 1, 2, 2, 2.
     */
    private static final List<Grade> CLASS = List.of(
            grade("a", false, true, false, false), // score 1
            grade("b", false, true, false, true), // score 2
            grade("c", false, true, true, false), // score 2
            grade("d", false, true, true, false)); // score 2

    private static Map<String, Item> items() {
        return ItemAnalysis.of(CLASS).stream().collect(Collectors.toMap(Item::checkId, i -> i));
    }

    @Nested
    @DisplayName("the figures")
    class Figures {
        @Test
        @DisplayName("difficulty is the share passing")
        void difficulty() {
            assertThat(items().get("Convolution.c0").difficulty()).isZero();
            assertThat(items().get("Convolution.c1").difficulty()).isEqualTo(1.0);
            assertThat(items().get("Convolution.c2").difficulty()).isEqualTo(0.5);
            assertThat(items().get("Convolution.c3").difficulty()).isEqualTo(0.25);
        }

        @Test
        @DisplayName("discrimination is the correlation of passing with the score, worked out by hand")
        void discrimination() {
            // c2: x = 0,0,1,1; y = 1,2,2,2 (mean 1.75). sxy = 0.5, sxx = 1, syy = 0.75: r = 0.5 / sqrt(0.75) = 0.577
            assertThat(items().get("Convolution.c2").discrimination().getAsDouble())
                    .isCloseTo(0.5 / Math.sqrt(0.75), within(1e-9));
            // c3: x = 0,1,0,0 (mean 0.25). sxy = 0.25, sxx = 0.75, syy = 0.75: r = 1/3
            assertThat(items().get("Convolution.c3").discrimination().getAsDouble())
                    .isCloseTo(1.0 / 3, within(1e-9));
        }

        @Test
        @DisplayName("discrimination is undefined when passing or the score is constant")
        void undefined() {
            assertThat(items().get("Convolution.c0").discrimination()).isEmpty();
            assertThat(ItemAnalysis.pearson(List.of(new double[] {0, 3}, new double[] {1, 3})))
                    .isEmpty();
        }

        @Test
        @DisplayName("only graded submissions count")
        void gradedOnly() {
            Grade rejected = new Grade(
                    "r",
                    GradeStatus.REJECTED,
                    "no",
                    CLASS.get(0).steps(),
                    CLASS.get(0).checks(),
                    List.of(),
                    List.of(),
                    "",
                    0,
                    "");
            assertThat(ItemAnalysis.of(List.of(CLASS.get(1), rejected))).allMatch(i -> i.submissions() == 1);
        }

        @Test
        @DisplayName("an item refuses impossible counts")
        void badCounts() {
            assertThatThrownBy(() -> new Item("x", 2, 3, OptionalDouble.empty()))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("3 of 2");
            assertThatThrownBy(() -> new Item("x", 0, 0, OptionalDouble.empty()))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    @DisplayName("the flags and the order")
    class Flags {
        @Test
        @DisplayName("flag everyone fails, everyone passes, and discrimination below 0.2 or undefined")
        void flags() {
            assertThat(items().get("Convolution.c0").flag()).isEqualTo(Flag.ALL_FAIL);
            assertThat(items().get("Convolution.c1").flag()).isEqualTo(Flag.ALL_PASS);
            assertThat(items().get("Convolution.c2").flag()).isEqualTo(Flag.NONE);
            assertThat(items().get("Convolution.c3").flag()).isEqualTo(Flag.NONE);
            assertThat(new Item("x", 4, 2, OptionalDouble.of(0.19)).flag()).isEqualTo(Flag.NOT_DISCRIMINATING);
            assertThat(new Item("x", 4, 2, OptionalDouble.empty()).flag()).isEqualTo(Flag.NOT_DISCRIMINATING);
            assertThat(new Item("x", 4, 2, OptionalDouble.of(0.2)).flag()).isEqualTo(Flag.NONE);
        }

        @Test
        @DisplayName("list the flagged first, then the hardest first, then by id")
        void order() {
            assertThat(ItemAnalysis.of(CLASS))
                    .extracting(Item::checkId)
                    .containsExactly("Convolution.c0", "Convolution.c1", "Convolution.c3", "Convolution.c2");
        }
    }
}
