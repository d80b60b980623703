package cnnkit.walkthrough;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Draws the sample picture the {@code filters} command uses without {@code --in}
 * ({@code src/main/resources/cnnkit/walkthrough/sample.png}): a small colour scene with soft gradients (for blur
 * and sharpen to act on), hard edges in every direction (for the edge filters and Sobel) and the lecture's smiley.
 * Run once from the grader folder and commit the PNG: {@code java SampleImageGenerator.java} is not needed at build
 * time.
 */
public final class SampleImageGenerator {
    private SampleImageGenerator() {}

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/cnnkit/walkthrough/sample.png");
        Pictures.writePng(draw(args.length > 1 ? Integer.parseInt(args[1]) : 256), out);
        System.out.println("wrote " + out);
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setPaint(new GradientPaint(0, 0, new Color(120, 170, 230), 0, size * 0.6f, new Color(225, 240, 255)));
        g.fillRect(0, 0, size, size);
        g.setColor(new Color(90, 160, 70)); // a hill
        g.fillOval(-size / 2, size * 6 / 10, size * 2, size);
        g.setColor(new Color(250, 200, 40)); // the sun
        g.fillOval(size * 7 / 10, size / 12, size / 5, size / 5);
        g.setColor(new Color(190, 60, 50)); // a house with a roof: vertical, horizontal and diagonal edges
        g.fillRect(size / 10, size * 45 / 100, size / 4, size / 5);
        g.setColor(new Color(110, 60, 40));
        g.fillPolygon(
                new int[] {size / 14, size * 47 / 200, size * 29 / 72},
                new int[] {size * 45 / 100, size * 3 / 10, size * 45 / 100},
                3);
        g.setColor(Color.WHITE); // the lecture's smiley, 1s drawn as white squares
        int cell = size / 20;
        int left = size / 2;
        int top = size * 11 / 20;
        int[][] smiley = {{1, 1}, {1, 5}, {3, 3}, {4, 1}, {4, 5}, {5, 2}, {5, 3}, {5, 4}};
        g.setColor(new Color(30, 30, 40));
        g.fillRect(left, top, 7 * cell, 7 * cell);
        g.setColor(Color.WHITE);
        for (int[] rc : smiley) {
            g.fillRect(left + rc[1] * cell, top + rc[0] * cell, cell, cell);
        }
        g.setStroke(new BasicStroke(2));
        g.setColor(new Color(40, 40, 40)); // thin lines: the finest detail for the filters to find
        for (int i = 0; i < 5; i++) {
            g.drawLine(size / 10 + i * 8, size * 9 / 10, size / 10 + i * 8 + 30, size * 7 / 10 + 5);
        }
        g.dispose();
        return img;
    }
}
