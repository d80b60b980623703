package cnnkit.hidden;

import cnn.Relu;
import cnnkit.hidden.support.BackwardOracle;
import cnnkit.hidden.support.BackwardWrongOracles;
import cnnkit.hidden.support.Expect;
import cnnkit.hidden.support.Gen;
import cnnkit.hidden.support.HiddenProperty;
import cnnkit.hidden.support.Numeric;
import cnnkit.hidden.support.Oracle;
import cnnkit.hidden.support.Student;
import cnnkit.lecture.LectureData;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Hidden checks of Back 1(b), ReLU's backward pass: the gradient passes where the forward pass's input is
 * {@code > 0} and is 0 where it is {@code ≤ 0} (exactly 0 included); what decides is the input, never the sign of
 * the gradient.
 */
@DisplayName("Back 1(b) — ReLU backward")
class ReluBackwardHiddenTest {
    private static void expectBackward(double[][] map, double[][] g) {
        Expect.given("featureMap", map, "outputGradient", g)
                .expecting(BackwardOracle.reluBackward(map, g), BackwardWrongOracles.reluBackward(map, g))
                .check(() -> Relu.backward(map, g));
    }

    @Nested
    @DisplayName("fixed vectors")
    class FixedVectors {
        @Test
        @DisplayName("the lecture's 5x5 feature map, a gradient of mixed signs: it passes where the map is > 0")
        void lectureExample() {
            double[][] map = LectureData.featureMap();
            expectBackward(map, Gen.seeded(5, map.length, map[0].length));
        }

        @Test
        @DisplayName("cells that are exactly 0 (and -0.0) get no gradient")
        void zeroInputsGetNoGradient() {
            double[][] map = {{0, 1, -0.0}, {2, 0, -1}};
            double[][] g = {{5, 6, 7}, {8, 9, 10}};
            Expect.given("featureMap", map, "outputGradient", g)
                    .expecting(new double[][] {{0, 6, 0}, {8, 0, 0}}, BackwardWrongOracles.reluBackward(map, g))
                    .check(() -> Relu.backward(map, g));
        }

        @Test
        @DisplayName("negative gradients pass where the input is positive, positive ones stop where it is not")
        void theInputDecidesNotTheGradient() {
            double[][] map = {{3, -2}, {0.5, -0.5}};
            double[][] g = {{-4, 4}, {-1.5, 2}};
            expectBackward(map, g);
        }

        @Test
        @DisplayName("a stack of maps: map by map")
        void stackOfMaps() {
            double[][][] maps = {LectureData.featureMap(), Oracle.relu(LectureData.featureMap())};
            double[][][] g = Gen.seeded(9, 2, 5, 5);
            Expect.given("featureMaps", maps, "outputGradients", g)
                    .expecting(BackwardOracle.reluBackward(maps, g), BackwardWrongOracles.reluBackward(maps, g))
                    .check(() -> Relu.backward(maps, g));
        }
    }

    @HiddenProperty
    @Label("on random maps away from 0 the gradient is the slope of your ReLU and of the right one")
    void theGradientIsTheSlopeOfReLU(@ForAll("maps") double[][] map, @ForAll long seed) {
        double[][] g = Gen.seeded(seed, map.length, map[0].length);
        Expect.given("featureMap", map, "outputGradient", g)
                .expecting(
                        Numeric.gradient(x -> Student.call(() -> Relu.apply(x)), map, g, 0.25),
                        BackwardWrongOracles.reluBackward(map, g))
                .check(() -> Relu.backward(map, g));
        Expect.given("featureMap", map, "outputGradient", g)
                .expecting(Numeric.gradient(Oracle::relu, map, g, 0.25), BackwardWrongOracles.reluBackward(map, g))
                .check(() -> Relu.backward(map, g));
    }

    @HiddenProperty
    @Label("on random stacks (zeros included) every map's gradient is that map's ReLU gradient")
    void aStackIsDoneMapByMap(@ForAll("stacks") double[][][] maps, @ForAll long seed) {
        double[][][] g = Gen.seeded(seed, maps.length, maps[0].length, maps[0][0].length);
        Expect.given("featureMaps", maps, "outputGradients", g)
                .expecting(BackwardOracle.reluBackward(maps, g), BackwardWrongOracles.reluBackward(maps, g))
                .check(() -> Relu.backward(maps, g));
    }

    @Nested
    @DisplayName("bad arguments")
    class BadArguments {
        @Test
        @DisplayName("null, empty or ragged maps and gradients are rejected with IllegalArgumentException")
        void rejectsNullEmptyRagged() {
            double[][] map = {{1, 2}, {3, 4}};
            double[][] ragged = {{1, 2}, {3}};
            Expect.given("featureMap", null).rejects("the map is null", () -> Relu.backward(null, map));
            Expect.given("outputGradient", null).rejects("the gradient is null", () -> Relu.backward(map, null));
            Expect.given("featureMap", new double[0][])
                    .rejects("the map has no rows", () -> Relu.backward(new double[0][], new double[0][]));
            Expect.given("outputGradient", ragged).rejects("the gradient is ragged", () -> Relu.backward(map, ragged));
            Expect.given("featureMaps", null)
                    .rejects("the stack is null", () -> Relu.backward(null, new double[][][] {map}));
            Expect.given("outputGradients", null)
                    .rejects("the gradients are null", () -> Relu.backward(new double[][][] {map}, null));
        }

        @Test
        @DisplayName("a gradient of another shape than the map is rejected with IllegalArgumentException")
        void rejectsShapesThatDiffer() {
            double[][] map = {{1, 2, 3}, {3, 4, 5}};
            double[][] g = {{1, 2}, {3, 4}};
            Expect.given("featureMap", map, "outputGradient", g)
                    .rejects("the map is 2x3, the gradient 2x2", () -> Relu.backward(map, g));
            double[][][] maps = {map, map};
            double[][][] gs = {map};
            Expect.given("featureMaps", maps, "outputGradients", gs)
                    .rejects("2 maps but 1 gradient", () -> Relu.backward(maps, gs));
        }

        @Test
        @DisplayName("the map and the gradient are left unchanged")
        void leavesInputsUnchanged() {
            double[][] map = LectureData.featureMap();
            double[][] g = Gen.seeded(3, 5, 5);
            Expect.given("featureMap", map, "outputGradient", g)
                    .leavesInputsUnchanged(null, () -> Relu.backward(map, g));
            double[][][] maps = {map};
            double[][][] gs = {g};
            Expect.given("featureMaps", maps, "outputGradients", gs)
                    .leavesInputsUnchanged(null, () -> Relu.backward(maps, gs));
        }
    }

    /** Cells ±0.5, ±1.5, ±2.5: never within the step 0.25 of ReLU's kink at 0. */
    @Provide
    Arbitrary<double[][]> maps() {
        return Gen.matrix(1, 6, Arbitraries.integers().between(-3, 2).map(i -> i + 0.5));
    }

    @Provide
    Arbitrary<double[][][]> stacks() {
        return Gen.stack(1, 5);
    }
}
