package cnnkit.walkthrough;

import cnnkit.lecture.LectureData;
import java.awt.image.BufferedImage;
import java.time.Duration;

/**
 * How long the filters take on a 1024x1024 colour picture with the reference convolution (a benchmark, not a
 * test: run it by hand, e.g. from the grader folder with the test class path). Prints the wall time per filter.
 */
public final class FiltersBenchmark {
    private FiltersBenchmark() {}

    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 1024;
        BufferedImage picture = SampleImageGenerator.draw(size);
        ImageFilters filters = new ImageFilters(Reference.INSTANCE, Duration.ofMinutes(5));
        filters.apply(picture, LectureData.filter("blur")); // warm-up
        long wallTotal = System.nanoTime();
        for (String name : LectureData.filterNames()) {
            long wall = System.nanoTime();
            filters.apply(picture, LectureData.filter(name));
            System.out.printf("%-13s %dx%d  wall %5d ms%n", name, size, size, (System.nanoTime() - wall) / 1_000_000);
        }
        System.out.printf("all six filters: wall %d ms%n", (System.nanoTime() - wallTotal) / 1_000_000);
    }
}
