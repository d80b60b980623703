package cnn;

import java.io.File;

/** Hostile: walks up from the working folder to list (and copy from) the other students' hand-ins. */
public final class Softmax {
    public static double[] apply(double[] scores) {
        File dir = new File("..").getAbsoluteFile();
        for (int up = 0; up < 4 && dir != null; up++, dir = dir.getParentFile()) {
            String[] names = dir.list();
            System.out.println(dir + ": " + (names == null ? 0 : names.length));
        }
        return scores;
    }
}
