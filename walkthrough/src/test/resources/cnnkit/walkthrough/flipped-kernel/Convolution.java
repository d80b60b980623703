package cnn;

/**
 * A WRONG Convolution kept as test data: it turns the detector by 180° before laying it on the image (textbook
 * convolution), the mistake the walkthrough must recognise. Compiled by the walkthrough's tests in place of the
 * solution's Convolution; the other steps come from the solutions.
 */
public final class Convolution {
    private Convolution() {
    }

    public static double[][] convolve(double[][] image, double[][] featureDetector) {
        return convolve(image, featureDetector, 1, 0);
    }

    public static double[][] convolve(double[][] image, double[][] k, int stride, int padding) {
        int h = (image.length + 2 * padding - k.length) / stride + 1;
        int w = (image[0].length + 2 * padding - k[0].length) / stride + 1;
        double[][] out = new double[h][w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                for (int i = 0; i < k.length; i++) {
                    for (int j = 0; j < k[0].length; j++) {
                        int y = r * stride + i - padding;
                        int x = c * stride + j - padding;
                        if (y >= 0 && y < image.length && x >= 0 && x < image[0].length) {
                            out[r][c] += image[y][x] * k[k.length - 1 - i][k[0].length - 1 - j]; // the mistake
                        }
                    }
                }
            }
        }
        return out;
    }
}
