package cnn;

import static cnn.Expect.in;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Public tests of Part 2, Step 1(b) — ReLU's backward pass: the gradient passes where the forward input was
 * positive and stops elsewhere, at exactly 0 too.
 */
@DisplayName("Part 2, Step 1(b) — ReLU backward")
class ReluBackwardTest {
    @Nested
    @DisplayName("hand-worked cases")
    class HandWorked {
        @Test
        @DisplayName("the gradient passes where the input is > 0; where it is < 0 or exactly 0 it is 0")
        void passesWherePositive() {
            double[][] map = {{-1, 2, -3}, {0.5, -0.5, 0}};
            double[][] g = {{10, 20, 30}, {-40, 50, 60}};
            Expect.matrix(
                    "Relu.backward(map, g)",
                    new double[][] {{0, 20, 0}, {-40, 0, 0}},
                    Relu.backward(map, g),
                    in("featureMap", map),
                    in("outputGradient", g));
        }

        @Test
        @DisplayName("what decides is the input's sign, not the gradient's: a negative gradient passes too")
        void inputDecides() {
            double[][] map = {{3, -3}};
            double[][] g = {{-7, 7}};
            Expect.matrix(
                    "Relu.backward({{3, -3}}, {{-7, 7}})",
                    new double[][] {{-7, 0}},
                    Relu.backward(map, g),
                    in("featureMap", map),
                    in("outputGradient", g));
        }

        @Test
        @DisplayName("a stack of maps: map by map")
        void stack() {
            double[][][] maps = {{{1, -1}}, {{-2, 2}}};
            double[][][] g = {{{5, 6}}, {{7, 8}}};
            Expect.stack(
                    "Relu.backward(2 maps, g)",
                    new double[][][] {{{5, 0}}, {{0, 8}}},
                    Relu.backward(maps, g),
                    in("featureMaps", maps),
                    in("outputGradients", g));
        }
    }

    @Nested
    @DisplayName("gradient check against your forward pass")
    class Checks {
        @Test
        @DisplayName("a map with no cell near the kink at 0")
        void awayFromTheKink() {
            double[][] map = {{-1.5, 2.25, 0.75}, {-0.5, 3, -2}};
            double[][] g = {{0.3, -1.2, 2}, {4, 0.1, -0.7}};
            Expect.gradientsAgree(
                    "Relu.backward vs. central differences of Relu.apply",
                    GradientCheck.compare(
                            Relu.backward(map, g),
                            GradientCheck.numericalGradient(x -> GradientCheck.dot(g, Relu.apply(x)), map)),
                    in("featureMap", map),
                    in("outputGradient", g));
        }
    }

    @Nested
    @DisplayName("bad arguments")
    class Bad {
        @Test
        @DisplayName("a gradient of another shape than the map is rejected, with the sizes in the message")
        void shapesDiffer() {
            Expect.rejects(
                    "Relu.backward(2x3 map, 3x2 gradient) must throw IllegalArgumentException",
                    () -> Relu.backward(new double[2][3], new double[3][2]),
                    "2x3",
                    "3x2");
        }
    }
}
