package cnnkit.walkthrough;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/** Reading, writing and laying out pictures for the {@code filters} command, with errors a learner can act on. */
public final class Pictures {
    /** The sample picture shipped in the jar, used when no {@code --in} is given. */
    public static final String SAMPLE = "/cnnkit/walkthrough/sample.png";
    /** Larger pictures are refused: the filters keep several copies as doubles. */
    static final long MAX_PIXELS = 4096L * 4096L;

    private static final int TILE = 256;
    private static final int LABEL = 22;

    private Pictures() {}

    /**
     * @param file a PNG, JPEG, GIF or BMP file
     * @return its picture
     * @throws IOException with a message saying what is wrong with the file
     */
    public static BufferedImage read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no such file: " + file);
        }
        BufferedImage image;
        try {
            image = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new IOException("cannot read " + file + " as an image (" + e.getMessage() + ")", e);
        }
        if (image == null) {
            throw new IOException(file + " is not an image this tool can read (PNG, JPEG, GIF or BMP)");
        }
        return checked(image, file.toString());
    }

    /** @return the sample picture shipped with the kit */
    public static BufferedImage sample() throws IOException {
        try (InputStream in = Pictures.class.getResourceAsStream(SAMPLE)) {
            if (in == null) {
                throw new IOException("the sample picture " + SAMPLE + " is missing from the kit");
            }
            return checked(ImageIO.read(in), "the sample picture");
        }
    }

    private static BufferedImage checked(BufferedImage image, String name) throws IOException {
        if ((long) image.getWidth() * image.getHeight() > MAX_PIXELS) {
            throw new IOException(name + " is " + image.getWidth() + "x" + image.getHeight()
                    + " pixels; the largest this tool filters is 4096x4096");
        }
        return image;
    }

    /** Writes a PNG. */
    public static void writePng(BufferedImage image, Path file) throws IOException {
        if (!ImageIO.write(image, "png", file.toFile())) {
            throw new IOException("no PNG writer available for " + file);
        }
    }

    /**
     * @param tiles  pictures with their names, e.g. the original and every filter's result
     * @param across tiles per row
     * @return the tiles scaled to fit 256x256 each, laid out in rows, each labelled with its name
     */
    public static BufferedImage contactSheet(List<Named> tiles, int across) {
        int rows = (tiles.size() + across - 1) / across;
        BufferedImage sheet = new BufferedImage(across * TILE, rows * (TILE + LABEL), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            for (int i = 0; i < tiles.size(); i++) {
                BufferedImage img = tiles.get(i).image();
                double scale = Math.min(1.0, (double) TILE / Math.max(img.getWidth(), img.getHeight()));
                int w = (int) Math.round(img.getWidth() * scale);
                int h = (int) Math.round(img.getHeight() * scale);
                int x = (i % across) * TILE;
                int y = (i / across) * (TILE + LABEL);
                g.drawImage(img, x + (TILE - w) / 2, y + (TILE - h) / 2, w, h, null);
                g.setColor(Color.BLACK);
                g.drawString(tiles.get(i).name(), x + 6, y + TILE + LABEL - 6);
            }
        } finally {
            g.dispose();
        }
        return sheet;
    }

    /** A picture with a name, e.g. {@code ("blur", blurred)}. */
    public record Named(String name, BufferedImage image) {}
}
