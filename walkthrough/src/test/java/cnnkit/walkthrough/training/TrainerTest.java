package cnnkit.walkthrough.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.lecture.Digits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The given loop on a stand-in network (no learner's code): what it calls, in which order, and when it stops. */
@DisplayName("The training loop")
class TrainerTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final List<Digits.Example> TRAIN = Digits.train().subList(0, 20);
    private static final List<Digits.Example> TEST = Digits.test().subList(0, 10);

    /** Records the labels it is trained on; returns {@code loss} for every step, {@code answer} for every image. */
    private static final class StandIn implements Trainable {
        final List<Integer> labels = new ArrayList<>();
        long seed = -1;
        double[] answer = {0, 0, 0, 1, 0, 0, 0, 1, 0, 0};
        double loss = 0.5;

        @Override
        public void initialise(long seed) {
            this.seed = seed;
        }

        @Override
        public double step(double[][] image, int label, double learningRate) {
            labels.add(label);
            return loss;
        }

        @Override
        public double[] predict(double[][] image) {
            return answer;
        }

        @Override
        public double[][][] detectors() {
            return new double[8][3][3];
        }
    }

    private static final Trainer.Listener SILENT = new Trainer.Listener() {
        @Override
        public void epochStarted(int epoch, int epochs, int images) {}

        @Override
        public void stepped(int done, double runningLoss) {}

        @Override
        public void epochFinished(Trainer.Epoch epoch) {}
    };

    @Test
    @DisplayName("initialises with the seed, steps every training image once per epoch, reshuffled each epoch, the "
            + "same order for the same seed")
    void order() throws Trainer.Stopped {
        StandIn one = new StandIn();
        StandIn two = new StandIn();
        Trainer.Result result = new Trainer(one, TIMEOUT).train(new Trainer.Settings(2, 7, 0.1), TRAIN, TEST, SILENT);
        new Trainer(two, TIMEOUT).train(new Trainer.Settings(2, 7, 0.1), TRAIN, TEST, SILENT);

        assertThat(one.seed).isEqualTo(7);
        assertThat(one.labels).hasSize(40).isEqualTo(two.labels);
        List<Integer> labels =
                TRAIN.stream().map(Digits.Example::label).sorted().toList();
        assertThat(one.labels.subList(0, 20).stream().sorted().toList()).isEqualTo(labels);
        assertThat(one.labels.subList(20, 40).stream().sorted().toList()).isEqualTo(labels);
        assertThat(one.labels.subList(0, 20)).isNotEqualTo(one.labels.subList(20, 40));
        assertThat(result.epochs()).extracting(Trainer.Epoch::loss).containsExactly(0.5, 0.5);
    }

    @Test
    @DisplayName("the answer is the digit of the largest probability, the first of equal ones")
    void answer() throws Trainer.Stopped {
        assertThat(Trainer.answer(new double[] {0, 0, 0, 1, 0, 0, 0, 1, 0, 0})).isEqualTo(3);
        StandIn net = new StandIn();
        Trainer.Result result = new Trainer(net, TIMEOUT).train(new Trainer.Settings(1, 1, 0.1), TRAIN, TEST, SILENT);
        long threes = TEST.stream().filter(e -> e.label() == 3).count();
        assertThat(result.last().correct()).isEqualTo((int) threes);
        assertThat(result.last().total()).isEqualTo(10);
    }

    @Test
    @DisplayName("stops on a loss that is not a number and on probabilities that are not ten")
    void stops() {
        StandIn diverging = new StandIn();
        diverging.loss = Double.POSITIVE_INFINITY;
        assertThatThrownBy(() ->
                        new Trainer(diverging, TIMEOUT).train(new Trainer.Settings(1, 1, 0.1), TRAIN, TEST, SILENT))
                .isInstanceOf(Trainer.Stopped.class)
                .hasMessageContaining("the loss Infinity");
        StandIn nine = new StandIn();
        nine.answer = new double[9];
        assertThatThrownBy(() -> new Trainer(nine, TIMEOUT).train(new Trainer.Settings(1, 1, 0.1), TRAIN, TEST, SILENT))
                .isInstanceOf(Trainer.Stopped.class)
                .hasMessageContaining("returned 9 values");
    }
}
