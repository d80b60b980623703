package cnn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of {@link ErrorMeasures} that must hold for every input, checked by jqwik with a fixed seed. */
@Label("Extra 3 — Error measures (reference): invariants")
class ErrorMeasuresPropertiesTest {
    @Property(seed = "42", tries = 200)
    void classificationErrorIsAShareOfRows(@ForAll("tables") double[][][] table) {
        double e = ErrorMeasures.classificationError(table[0], table[1]);
        int rows = table[0].length;
        assertThat(e).isBetween(0.0, 1.0);
        assertThat(e * rows).isCloseTo(Math.rint(e * rows), within(1e-9));
    }

    @Property(seed = "42", tries = 200)
    void crossEntropyIsTheMeanOfThePerRowLoss(@ForAll("tables") double[][][] table) {
        double sum = 0;
        for (int r = 0; r < table[0].length; r++) {
            sum += CrossEntropy.loss(table[0][r], table[1][r]);
        }
        assertThat(ErrorMeasures.crossEntropy(table[0], table[1])).isCloseTo(sum / table[0].length, within(1e-9));
    }

    @Property(seed = "42", tries = 200)
    void meanSquaredErrorOfOneHotTargetsIsAtMostTwo(@ForAll("tables") double[][][] table) {
        assertThat(ErrorMeasures.meanSquaredError(table[0], table[1])).isBetween(0.0, 2.0);
    }

    /** {predicted softmax rows, one-hot targets}: 1 to 5 rows of 2 to 4 classes. */
    @Provide
    Arbitrary<double[][][]> tables() {
        return Arbitraries.integers()
                .between(2, 4)
                .flatMap(classes -> Arbitraries.integers()
                        .between(1, 5)
                        .flatMap(rows -> ReferenceFixtures.matrices(rows, classes)
                                .flatMap(scores -> Arbitraries.integers()
                                        .between(0, classes - 1)
                                        .array(int[].class)
                                        .ofSize(rows)
                                        .map(hot -> {
                                            double[][] p = new double[rows][];
                                            double[][] t = new double[rows][classes];
                                            for (int r = 0; r < rows; r++) {
                                                p[r] = Softmax.apply(scores[r]);
                                                t[r][hot[r]] = 1;
                                            }
                                            return new double[][][] {p, t};
                                        }))));
    }
}
