package cnnkit.walkthrough.cli;

import cnnkit.lecture.LectureData;
import cnnkit.lecture.Limits;
import cnnkit.lecture.Step;
import cnnkit.walkthrough.ImageFilters;
import cnnkit.walkthrough.Implementation;
import cnnkit.walkthrough.LearnerCode;
import cnnkit.walkthrough.Pictures;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code filters}: what a CNN's feature detectors see — the lecture's image filters applied to a picture. */
@Command(
        name = "filters",
        mixinStandardHelpOptions = true,
        description = {
            "Applies the lecture's image filters (sharpen, blur, edge enhance, edge detect, emboss, Sobel) "
                    + "to a picture with YOUR convolution (cnn.Convolution); writes one PNG per filter and a contact sheet.",
            "Colour pictures are filtered per channel (R, G, B); kernels are divided by their sum when it is not 0 "
                    + "(blur: by 9); zero padding keeps the picture's size; values are clamped to 0..255."
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {
            "0:all filters written",
            "1:the picture, the output folder or your convolution failed",
            "2:a bad option"
        })
public final class FiltersCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(
            names = "--in",
            paramLabel = "IMAGE",
            description = "a PNG, JPEG, GIF or BMP picture (default: the kit's sample)")
    Path in;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            defaultValue = "filters-out",
            description = "folder for the PNGs (default: ${DEFAULT-VALUE})")
    Path out;

    @Mixin
    CodeOptions code = new CodeOptions();

    @Option(
            names = "--timeout",
            paramLabel = "SECONDS",
            description = "time limit for each convolution call (default: ${DEFAULT-VALUE})")
    double timeoutSeconds = Limits.DEFAULT.filter().toSeconds();

    @Override
    public Integer call() {
        System.setProperty("java.awt.headless", "true");
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (code.misuse() != null) {
            err.println(code.misuse());
            return 2;
        }
        if (!(timeoutSeconds > 0)) {
            err.println("--timeout must be more than 0");
            return 2;
        }
        LearnerCode learner = null;
        try {
            BufferedImage picture = in == null ? Pictures.sample() : Pictures.read(in);
            learner = code.open(stdout);
            if (learner.notCompiled().containsKey(Step.CONVOLUTION)) {
                err.println("filters: your Convolution cannot be used:");
                learner.notCompiled().get(Step.CONVOLUTION).forEach(line -> err.println("  " + line));
                return 1;
            }
            Implementation convolution = learner.implementation();
            Files.createDirectories(out);
            ImageFilters filters = new ImageFilters(convolution, Duration.ofMillis(Math.round(timeoutSeconds * 1000)));
            stdout.printf(
                    "%s (%dx%d) with %s convolution:%n",
                    in == null ? "the sample picture" : in, picture.getWidth(), picture.getHeight(), "your");
            List<Pictures.Named> tiles = new ArrayList<>(List.of(new Pictures.Named("original", picture)));
            for (String name : LectureData.filterNames()) {
                long start = System.nanoTime();
                BufferedImage filtered = filters.apply(picture, LectureData.filter(name));
                Path file = out.resolve(name + ".png");
                Pictures.writePng(filtered, file);
                stdout.printf("  %-13s %s  (%d ms)%n", name, file, (System.nanoTime() - start) / 1_000_000);
                tiles.add(new Pictures.Named(name, filtered));
            }
            Path sheet = out.resolve("contact-sheet.png");
            Pictures.writePng(Pictures.contactSheet(tiles, 4), sheet);
            stdout.println("  contact sheet " + sheet);
            stdout.flush();
            return 0;
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            err.println("filters: " + e.getMessage());
            return 1;
        } finally {
            if (learner != null) {
                learner.close();
            }
        }
    }
}
