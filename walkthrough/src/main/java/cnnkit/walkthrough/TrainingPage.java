package cnnkit.walkthrough;

import cnnkit.walkthrough.training.Trainer;
import java.util.Base64;
import java.util.Locale;

/**
 * The walkthrough's page of a training run ({@code train} writes it as {@code training.html} beside the pictures):
 * the settings, the test accuracy, both pictures and every epoch's figures. Self-contained like {@link HtmlPage}'s
 * walk: inline CSS, the pictures as {@code data:} URIs, no scripts; well-formed XML.
 */
public final class TrainingPage {
    private static final String CSS = """
        body { font-family: sans-serif; max-width: 60em; margin: 2em auto; color: #222; line-height: 1.4; }
        table.plain { border-collapse: collapse; margin: 0.5em 0; }
        table.plain th, table.plain td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: right; }
        figure { margin: 1em 0; } figcaption { font-size: 0.9em; color: #555; }
        .accuracy { font-size: 1.3em; font-weight: bold; }
        """;

    private TrainingPage() {}

    /**
     * @param result   the run
     * @param settings its settings
     * @param source   whose code was trained, e.g. "the sources in src/main/java"
     * @param lossPng  {@code loss.png}
     * @param filtersPng {@code filters.png}
     * @return the page
     */
    public static String render(
            Trainer.Result result, Trainer.Settings settings, String source, byte[] lossPng, byte[] filtersPng) {
        Trainer.Epoch last = result.last();
        StringBuilder h = new StringBuilder(65_536);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"UTF-8\"/>\n")
                .append("<title>CNN walkthrough: training</title>\n<style>\n")
                .append(CSS)
                .append("</style>\n</head>\n<body>\n")
                .append("<h1>The lecture's CNN learns handwritten digits</h1>\n")
                .append("<p>Code: ")
                .append(HtmlPage.escape(source))
                .append(". The network: 8 feature detectors 3x3 (padding 1) → ReLU → max pooling 2x2 → flattening → ")
                .append("full connection 10x128 → softmax, trained with plain SGD on 1,437 digits, measured on 360 ")
                .append("others. ")
                .append(String.format(
                        Locale.ROOT,
                        "%d epochs, learning rate %s, seed %d.</p>\n",
                        settings.epochs(),
                        settings.learningRate(),
                        settings.seed()))
                .append(String.format(
                        Locale.ROOT,
                        "<p class=\"accuracy\">test accuracy: %.3f (%d of %d)</p>\n",
                        last.accuracy(),
                        last.correct(),
                        last.total()))
                .append("<figure>\n<img alt=\"training loss and test accuracy per epoch\" src=\"")
                .append(dataUri(lossPng))
                .append("\"/>\n<figcaption>The mean training loss falls epoch by epoch while the test accuracy ")
                .append("rises: the network learns from the training images and what it learns holds for images it ")
                .append("never saw.</figcaption>\n</figure>\n")
                .append("<figure>\n<img alt=\"the learned feature detectors\" src=\"")
                .append(dataUri(filtersPng))
                .append("\"/>\n<figcaption>The eight 3x3 feature detectors after training, each on its own grey ")
                .append("scale (black its smallest weight, white its largest): the first layer's weights, as CS231n ")
                .append("shows them. Detectors with a bright and a dark side respond to strokes in one direction."
                        + "</figcaption>\n</figure>\n")
                .append("<table class=\"plain\">\n<tr><th>epoch</th><th>training loss</th>")
                .append("<th>test accuracy</th><th>right</th></tr>\n");
        for (Trainer.Epoch e : result.epochs()) {
            h.append(String.format(
                    Locale.ROOT,
                    "<tr><td>%d</td><td>%.4f</td><td>%.3f</td><td>%d of %d</td></tr>%n",
                    e.number(),
                    e.loss(),
                    e.accuracy(),
                    e.correct(),
                    e.total()));
        }
        return h.append("</table>\n</body>\n</html>\n").toString();
    }

    private static String dataUri(byte[] png) {
        return "data:image/png;base64," + Base64.getEncoder().encodeToString(png);
    }
}
