package cnn;

import static cnn.Expect.in;

import cnnkit.lecture.LectureData;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Part 2, Step 3 — unflattening, flattening's backward pass: the vector's values go back to the
 * cells they came from, map after map, row by row.
 */
@DisplayName("Part 2, Step 3 — Flattening backward")
class FlatteningBackwardTest {
    @Nested
    @DisplayName("the lecture's example")
    class Lecture {
        @Test
        @DisplayName("the lecture's flattened vector unflattens to its 3x3 pooled map")
        void lectureVector() {
            double[] vector = LectureData.flattened();
            Expect.matrix(
                    "Flattening.unflatten(the lecture's vector, 3, 3)",
                    LectureData.pooledMap(),
                    Flattening.unflatten(vector, 3, 3),
                    in("vector", vector));
        }
    }

    @Nested
    @DisplayName("hand-worked cases")
    class HandWorked {
        @Test
        @DisplayName("2 maps of 2x3: map after map, row by row")
        void stack() {
            double[] vector = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
            Expect.stack(
                    "Flattening.unflatten(1..12, 2 maps, 2 rows, 3 cols)",
                    new double[][][] {{{1, 2, 3}, {4, 5, 6}}, {{7, 8, 9}, {10, 11, 12}}},
                    Flattening.unflatten(vector, 2, 2, 3),
                    in("vector", vector));
        }

        @Test
        @DisplayName("unflatten undoes flatten, and is its backward pass: the gradient check agrees")
        void inverseAndGradient() {
            double[][][] maps = {{{0.5, -1}, {2, 3}, {4, -5}}, {{6, 7}, {-8, 9}, {10, 11}}};
            Expect.stack(
                    "unflatten(flatten(maps), 2, 3, 2)",
                    maps,
                    Flattening.unflatten(Flattening.flatten(maps), 2, 3, 2),
                    in("maps", maps));
            double[] g = {1, -2, 3, -4, 5, -6, 7, -8, 9, -10, 11, -12};
            Expect.gradientsAgree(
                    "unflatten(g) vs. central differences of flatten",
                    GradientCheck.compare(
                            Flattening.unflatten(g, 2, 3, 2),
                            GradientCheck.numericalGradient(x -> GradientCheck.dot(g, Flattening.flatten(x)), maps)),
                    in("outputGradient", g));
        }
    }

    @Nested
    @DisplayName("bad arguments")
    class Bad {
        @Test
        @DisplayName("a vector whose length is not maps x rows x cols is rejected, with the sizes in the message")
        void wrongLength() {
            Expect.rejects(
                    "Flattening.unflatten(10 values, 3, 3) must throw IllegalArgumentException (9 needed)",
                    () -> Flattening.unflatten(new double[10], 3, 3),
                    "10",
                    "9");
        }
    }
}
