package cnnkit.walkthrough;

import cnnkit.grader.Step;
import java.util.List;
import java.util.Optional;

/**
 * A minimal {@link MistakeRecogniser} for three classic mistakes of the lecture's steps: the kernel turned by 180°
 * (textbook convolution), average instead of max pooling, and flattening column by column.
 */
public final class LectureMistakes implements MistakeRecogniser {
    public static final String FLIPPED_KERNEL = "flipped-kernel";
    public static final String AVERAGE_POOLING = "average-pooling";
    public static final String FLATTEN_BY_COLUMNS = "flatten-by-columns";

    @Override
    public Optional<String> recognise(Step step, String method, List<Grid> inputs, Grid actual) {
        Grid wrong = switch (step) {
            case CONVOLUTION -> new Grid(Reference.INSTANCE.convolve(inputs.get(0).matrix(),
                turned(inputs.get(1).matrix())));
            case MAX_POOLING -> new Grid(averagePool(inputs.get(0).matrix()));
            case FLATTENING -> Grid.row(Reference.INSTANCE.flatten(transposed(inputs.get(0).matrix())));
            default -> null;
        };
        if (wrong == null || !actual.matches(wrong)) {
            return Optional.empty();
        }
        return Optional.of(switch (step) {
            case CONVOLUTION -> FLIPPED_KERNEL;
            case MAX_POOLING -> AVERAGE_POOLING;
            default -> FLATTEN_BY_COLUMNS;
        });
    }

    /** The detector turned by 180°: what mathematics' convolution lays on the image. */
    static double[][] turned(double[][] k) {
        double[][] out = new double[k.length][k[0].length];
        for (int r = 0; r < k.length; r++) {
            for (int c = 0; c < k[0].length; c++) {
                out[r][c] = k[k.length - 1 - r][k[0].length - 1 - c];
            }
        }
        return out;
    }

    static double[][] transposed(double[][] m) {
        double[][] out = new double[m[0].length][m.length];
        for (int r = 0; r < m.length; r++) {
            for (int c = 0; c < m[0].length; c++) {
                out[c][r] = m[r][c];
            }
        }
        return out;
    }

    /** 2x2 / stride 2 windows averaged instead of maximised (partial windows average the cells they have). */
    static double[][] averagePool(double[][] map) {
        double[][] out = new double[(map.length + 1) / 2][(map[0].length + 1) / 2];
        for (int r = 0; r < out.length; r++) {
            for (int c = 0; c < out[0].length; c++) {
                double sum = 0;
                int n = 0;
                for (int y = 2 * r; y < Math.min(2 * r + 2, map.length); y++) {
                    for (int x = 2 * c; x < Math.min(2 * c + 2, map[0].length); x++) {
                        sum += map[y][x];
                        n++;
                    }
                }
                out[r][c] = sum / n;
            }
        }
        return out;
    }
}
