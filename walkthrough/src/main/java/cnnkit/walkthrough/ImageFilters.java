package cnnkit.walkthrough;

import java.awt.image.BufferedImage;
import java.time.Duration;

/**
 * The lecture's image filters applied to a picture: each filter is a convolution of the image with a small kernel.
 *
 * <p>Choices, as in GIMP's "Convolution Matrix" (where the slides' pictures come from):
 * <ul>
 *   <li>colour images are filtered per channel (red, green and blue separately; alpha is kept); a grey image is
 *       convolved once;</li>
 *   <li>the kernel is divided by the sum of its cells when that sum is not 0 (blur: divide by 9), so the image
 *       keeps its brightness;</li>
 *   <li>zero padding of half the kernel on every side ("same" size), so the output has the image's size;</li>
 *   <li>results are rounded and clamped to 0..255 (edge filters give negative values: those become black).</li>
 * </ul>
 */
public final class ImageFilters {
    private final Implementation convolution;
    private final Duration timeout;

    /**
     * @param convolution whose {@code convolve(image, kernel, stride, padding)} to use: the learner's code (the
     *                    tests also pass the hidden tests' oracle)
     * @param timeout     time limit for each call (one per channel)
     */
    public ImageFilters(Implementation convolution, Duration timeout) {
        this.convolution = convolution;
        this.timeout = timeout;
    }

    /**
     * @param kernel a filter's kernel as in the lecture data
     * @return the kernel divided by the sum of its cells, or itself if that sum is 0
     */
    public static double[][] normalised(double[][] kernel) {
        double sum = 0;
        for (double[] row : kernel) {
            for (double v : row) {
                sum += v;
            }
        }
        double[][] out = new double[kernel.length][kernel[0].length];
        for (int r = 0; r < kernel.length; r++) {
            for (int c = 0; c < kernel[0].length; c++) {
                out[r][c] = sum == 0 ? kernel[r][c] : kernel[r][c] / sum;
            }
        }
        return out;
    }

    /**
     * @param image  the picture
     * @param kernel the filter's kernel (odd sides), not yet normalised
     * @return the filtered picture, same size
     * @throws IllegalStateException if the convolution is not implemented, throws, times out or returns another size
     */
    public BufferedImage apply(BufferedImage image, double[][] kernel) {
        double[][] k = normalised(kernel);
        int w = image.getWidth();
        int h = image.getHeight();
        int[] argb = image.getRGB(0, 0, w, h, null, 0, w);
        boolean grey = isGrey(argb);
        int[][] channels = new int[3][];
        for (int ch = 0; ch < 3; ch++) {
            channels[ch] = grey && ch > 0 ? channels[0] : filterChannel(argb, w, h, 16 - 8 * ch, k);
        }
        boolean alpha = image.getColorModel().hasAlpha();
        BufferedImage out = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        int[] pixels = new int[w * h];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = (argb[i] & 0xff000000) | channels[0][i] << 16 | channels[1][i] << 8 | channels[2][i];
        }
        out.setRGB(0, 0, w, h, pixels, 0, w);
        return out;
    }

    private int[] filterChannel(int[] argb, int w, int h, int shift, double[][] k) {
        double[][] channel = new double[h][w];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                channel[y][x] = (argb[y * w + x] >> shift) & 0xff;
            }
        }
        Outcome<double[][]> outcome = Bounded.call(() -> convolution.convolve(channel, k, 1, k.length / 2), timeout);
        if (!(outcome instanceof Outcome.Returned<double[][]> r)) {
            throw new IllegalStateException("Convolution.convolve " + outcome.describe());
        }
        double[][] filtered = r.value();
        if (filtered == null || filtered.length != h || filtered[0] == null || filtered[0].length != w) {
            throw new IllegalStateException("Convolution.convolve with padding " + k.length / 2 + " should give a "
                    + h + "x" + w + " map for a " + h + "x" + w + " image and a " + k.length + "x" + k[0].length
                    + " kernel, but gave " + (filtered == null ? "null" : filtered.length + " rows"));
        }
        int[] out = new int[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                out[y * w + x] = (int) Math.max(0, Math.min(255, Math.round(filtered[y][x])));
            }
        }
        return out;
    }

    private static boolean isGrey(int[] argb) {
        for (int p : argb) {
            int r = (p >> 16) & 0xff;
            if (r != ((p >> 8) & 0xff) || r != (p & 0xff)) {
                return false;
            }
        }
        return true;
    }
}
