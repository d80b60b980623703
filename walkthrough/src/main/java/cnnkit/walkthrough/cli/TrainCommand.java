package cnnkit.walkthrough.cli;

import cnnkit.lecture.Digits;
import cnnkit.walkthrough.LearnerCode;
import cnnkit.walkthrough.TrainingPage;
import cnnkit.walkthrough.training.Progress;
import cnnkit.walkthrough.training.Trainer;
import cnnkit.walkthrough.training.TrainingPictures;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code train}: Part 2's capstone — the lecture's network learns 8x8 digits through the learner's Training.step. */
@Command(
        name = "train",
        mixinStandardHelpOptions = true,
        description = {
            "Trains the lecture's CNN (8 detectors 3x3, padding 1 -> ReLU -> max pooling 2x2 -> flattening -> "
                    + "full connection -> softmax) on 1,437 handwritten 8x8 digits with YOUR cnn.Training.step "
                    + "(plain SGD, one image at a time), and measures YOUR cnn.Training.predict on 360 other digits.",
            "The network starts as Network.heInitialised(seed); each epoch shuffles the training digits with the "
                    + "seed. Prints each epoch's loss and test accuracy and ends with the line "
                    + "'test accuracy: 0.NNN (K of M)'; writes loss.png, filters.png and training.html to --out."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:trained; the pictures are written",
            "1:your code could not be found or compiled, or a call into it failed (the reason and where)",
            "2:a bad option"
        })
public final class TrainCommand implements Callable<Integer> {
    /** Where the kit's reference sits in the kit's own checkout (never in the learners' jar, never in a handout). */
    static final Path REFERENCE = Path.of("solutions", "target", "classes");

    @Spec
    CommandSpec spec;

    @Mixin
    CodeOptions code = new CodeOptions();

    @Option(
            names = "--reference",
            description = "train the kit's reference solution instead of your code (only in the kit's own checkout)")
    boolean reference;

    /** The reference's classes; {@code ./cnnkit} passes them, so that {@code --reference} works from any folder. */
    @Option(names = "--reference-classes", paramLabel = "DIR", hidden = true)
    Path referenceClasses;

    @Option(
            names = "--epochs",
            paramLabel = "N",
            defaultValue = "10",
            description = "passes over the training digits, 1..1000 (default: ${DEFAULT-VALUE})")
    int epochs;

    @Option(
            names = "--seed",
            paramLabel = "S",
            defaultValue = "1",
            description = "the network's initialisation and the shuffling (default: ${DEFAULT-VALUE})")
    long seed;

    @Option(
            names = "--learning-rate",
            paramLabel = "R",
            defaultValue = "0.03",
            description = "SGD's step size, more than 0 (default: ${DEFAULT-VALUE})")
    double learningRate;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "train-out",
            description = "folder for loss.png, filters.png and training.html (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    CallTimeout timeout = new CallTimeout();

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String misuse = misuse();
        if (misuse != null) {
            err.println("train: " + misuse);
            return 2;
        }
        Path referenceFolder = null;
        if (reference) {
            referenceFolder = referenceClasses != null ? referenceClasses : REFERENCE;
            if (!Files.isRegularFile(referenceFolder.resolve("cnn/Training.class"))) {
                err.println("train: --reference is not available here: the kit's reference solution is not part of "
                        + "the handout or the learners' jar (it trains only in the kit's own checkout, with "
                        + "./cnnkit train --reference); train your own code with `train`");
                return 2;
            }
        }
        LearnerCode learner = null;
        try {
            learner = reference ? LearnerCode.fromClasses(referenceFolder) : code.open(stdout);
            Trainer.Settings settings = new Trainer.Settings(epochs, seed, learningRate);
            stdout.printf(
                    Locale.ROOT,
                    "Training %s: %d epochs, learning rate %s, seed %d, %d training and %d test digits.%n",
                    reference ? "the kit's reference" : "your code (" + learner.origin() + ")",
                    epochs,
                    learningRate,
                    seed,
                    Digits.train().size(),
                    Digits.test().size());
            stdout.flush();
            Trainer trainer = new Trainer(learner.trainable(), timeout.limit());
            Progress bar = new Progress(err, System.console() != null);
            Trainer.Listener progress = new Trainer.Listener() {
                @Override
                public void epochStarted(int epoch, int epochs, int images) {
                    bar.epochStarted(epoch, epochs, images);
                }

                @Override
                public void stepped(int done, double runningLoss) {
                    bar.stepped(done, runningLoss);
                }

                @Override
                public void epochFinished(Trainer.Epoch e) {
                    bar.epochFinished(e);
                    stdout.printf(
                            Locale.ROOT,
                            "epoch %2d/%d  loss %.4f  test accuracy %.3f (%d of %d)%n",
                            e.number(),
                            epochs,
                            e.loss(),
                            e.accuracy(),
                            e.correct(),
                            e.total());
                    stdout.flush();
                }
            };
            long start = System.nanoTime();
            Trainer.Result result;
            try {
                result = trainer.train(settings, Digits.train(), Digits.test(), progress);
            } catch (Trainer.Stopped stopped) {
                stdout.flush();
                err.println("train: stopped: " + stopped.getMessage());
                learner.notes().forEach(note -> err.println("  " + note));
                learner.notCompiled().values().forEach(reasons -> reasons.forEach(r -> err.println("  " + r)));
                return 1;
            }
            err.printf(Locale.ROOT, "trained in %.1f s%n", (System.nanoTime() - start) / 1e9);
            err.flush();
            write(result, settings, reference ? "the kit's reference" : learner.origin(), stdout);
            Trainer.Epoch last = result.last();
            stdout.printf(
                    Locale.ROOT, "test accuracy: %.3f (%d of %d)%n", last.accuracy(), last.correct(), last.total());
            stdout.flush();
            return 0;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("train: " + e.getMessage());
            return 1;
        } finally {
            if (learner != null) {
                learner.close();
            }
        }
    }

    /** @return why the options cannot be used, in one line, or null */
    private String misuse() {
        if (code.misuse() != null) {
            return code.misuse();
        }
        if (reference && (code.classes != null || code.src != null)) {
            return "give --reference or your code (--src / --classes), not both";
        }
        if (epochs < 1 || epochs > 1000) {
            return "--epochs must be 1..1000, not " + epochs;
        }
        if (!(learningRate > 0) || !Double.isFinite(learningRate)) {
            return "--learning-rate must be a number more than 0, not " + learningRate;
        }
        return timeout.misuse();
    }

    /** Writes loss.png, filters.png and training.html into {@link #out} and says so. */
    private void write(Trainer.Result result, Trainer.Settings settings, String source, PrintWriter stdout)
            throws IOException {
        Files.createDirectories(out);
        byte[] loss = TrainingPictures.lossChart(result.epochs());
        byte[] filters = TrainingPictures.detectors(result.detectors());
        Files.write(out.resolve("loss.png"), loss);
        Files.write(out.resolve("filters.png"), filters);
        Files.writeString(
                out.resolve("training.html"),
                TrainingPage.render(result, settings, source, loss, filters),
                StandardCharsets.UTF_8);
        stdout.println("Wrote " + out.resolve("loss.png") + " (training loss and test accuracy per epoch), "
                + out.resolve("filters.png") + " (the learned detectors) and " + out.resolve("training.html") + ".");
    }
}
