package cnnkit.walkthrough.training;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The training's progress on stderr. On a terminal: one bar redrawn in place with the running loss, e.g.
 * {@code epoch 3/10 [##########··········] 52%  running loss 0.1234}. Otherwise (a log, a pipe): a plain line at every
 * quarter of an epoch, so a log stays short and readable.
 */
public final class Progress implements Trainer.Listener {
    private static final int WIDTH = 30;
    /** Redraw the bar every this many images: often enough to move, rarely enough to cost nothing. */
    private static final int EVERY = 16;

    private final PrintWriter err;
    private final boolean terminal;
    private int epoch;
    private int epochs;
    private int images;
    private int nextQuarter;

    /**
     * @param err      where to draw
     * @param terminal whether {@code err} is a terminal (a bar redrawn with carriage returns)
     */
    public Progress(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public void epochStarted(int epoch, int epochs, int images) {
        this.epoch = epoch;
        this.epochs = epochs;
        this.images = images;
        this.nextQuarter = 1;
    }

    @Override
    public void stepped(int done, double runningLoss) {
        if (terminal) {
            if (done % EVERY == 0 || done == images) {
                int filled = (int) ((long) WIDTH * done / images);
                err.printf(
                        Locale.ROOT,
                        "\repoch %d/%d [%s%s] %3d%%  running loss %.4f",
                        epoch,
                        epochs,
                        "#".repeat(filled),
                        "·".repeat(WIDTH - filled),
                        100L * done / images,
                        runningLoss);
                err.flush();
            }
        } else if (nextQuarter < 4 && 4L * done >= (long) nextQuarter * images) {
            err.printf(
                    Locale.ROOT,
                    "epoch %d/%d: %d%% (%d of %d images), running loss %.4f%n",
                    epoch,
                    epochs,
                    25 * nextQuarter,
                    done,
                    images,
                    runningLoss);
            err.flush();
            nextQuarter++;
        }
    }

    @Override
    public void epochFinished(Trainer.Epoch finished) {
        if (terminal) {
            err.print("\r" + " ".repeat(WIDTH + 48) + "\r"); // the epoch's line on stdout takes the bar's place
            err.flush();
        }
    }
}
