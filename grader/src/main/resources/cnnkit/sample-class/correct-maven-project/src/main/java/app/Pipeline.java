package app;

import cnn.Convolution;
import cnn.MaxPooling;

/** Another package of the project: ignored by the grader. */
public class Pipeline {
    public static void main(String[] args) {
        double[][] map = Convolution.convolve(new double[][] {{1, 2}, {3, 4}}, new double[][] {{1}});
        System.out.println(MaxPooling.pool(map)[0][0]);
    }
}
