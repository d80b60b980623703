package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

@DisplayName("The walkthrough's HTML page")
class HtmlPageTest {
    @TempDir
    Path temp;

    private String page(Path classes) throws Exception {
        Path file = temp.resolve("walk.html");
        Cli run = Cli.run("walkthrough", "--classes", classes.toString(), "--speed", "0", "--html", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        return Files.readString(file);
    }

    /** Parses strictly as XML; a DOCTYPE without a DTD is fine, external entities are refused. */
    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        f.setExpandEntityReferences(false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    private static NodeList select(Document doc, String xpath) throws Exception {
        return (NodeList) XPathFactory.newInstance().newXPath().evaluate(xpath, doc, XPathConstants.NODESET);
    }

    @Test
    @DisplayName("is well-formed and self-contained: no scripts, no links, no http(s) references")
    void wellFormedAndSelfContained() throws Exception {
        String html = page(Learners.correct());

        Document doc = parse(html);
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("html");
        assertThat(html).doesNotContain("http://", "https://", "<script", "<link", "src=", "href=", "url(");
        assertThat(select(doc, "//style"))
                .satisfies(n -> assertThat(n.getLength()).isEqualTo(1));
    }

    @Test
    @DisplayName("draws every step's maps as heatmaps with one cell per value")
    void heatmaps() throws Exception {
        Document doc = parse(page(Learners.correct()));

        assertThat(select(doc, "//section[contains(@class,'scene')]").getLength())
                .isEqualTo(Walkthrough.SCENES);
        assertThat(select(doc, "//section[@id='step-1']//table[@class='heatmap']/tr")
                        .getLength())
                .as("7 image rows + 3 detector rows + 5 feature map rows")
                .isEqualTo(15);
        assertThat(select(doc, "//section[@id='step-1']//ol[@class='calculations']/li")
                        .getLength())
                .isEqualTo(25);
        assertThat(select(doc, "//section[@id='step-1']//li/svg/rect[@class='detector']")
                        .getLength())
                .as("the detector drawn at each of its 25 positions")
                .isEqualTo(25);
        assertThat(select(doc, "//section[@id='step-3']//li/svg/rect[@class='detector']")
                        .getLength())
                .as("each of the 9 pooling windows drawn")
                .isEqualTo(9);
        assertThat(select(doc, "//td[contains(@class,'wrong')]").getLength()).isZero();
        assertThat(select(doc, "//td[contains(@class,'right')]").getLength()).isPositive();
    }

    @Test
    @DisplayName("on a flipped kernel marks the 16 wrong cells and shows the hint")
    void wrongCells() throws Exception {
        Document doc = parse(page(Learners.flippedKernel()));

        assertThat(select(doc, "//td[contains(@class,'wrong')]").getLength()).isEqualTo(16);
        assertThat(select(doc, "//p[@class='hint']").item(0).getTextContent()).contains("turned by 180°");
        assertThat(select(doc, "//section").getLength()).isEqualTo(1);
    }

    @Test
    @DisplayName("shows the backward passes too: Back 2's nine windows drawn, Back 1's nine detector cells")
    void backwardScenes() throws Exception {
        Document doc = parse(page(Learners.correct()));

        assertThat(select(doc, "//section[@id='step-12']/h2").item(0).getTextContent())
                .isEqualTo("Back 2 — Max pooling backward");
        assertThat(select(doc, "//section[@id='step-12']//li/svg/rect[@class='detector']")
                        .getLength())
                .isEqualTo(9);
        assertThat(select(doc, "//section[@id='step-14']//li[starts-with(., 'd detector')]")
                        .getLength())
                .isEqualTo(9);
        assertThat(select(doc, "//section[@id='step-14']/p[@class='verdict']")
                        .item(0)
                        .getTextContent())
                .isEqualTo("ConvolutionBackward: matches the lecture");
    }

    @Test
    @DisplayName("without a training page beside it, says how to make one, and links nowhere")
    void howToTrain() throws Exception {
        String html = page(Learners.correct());

        assertThat(select(parse(html), "//footer[@id='training']").item(0).getTextContent())
                .contains("./cnnkit train", "java -jar cnn-walkthrough.jar train", "train-out/training.html");
        assertThat(html).doesNotContain("href=");
    }

    @Test
    @DisplayName("with train's training.html beside it (in train-out/ or the same folder), links to it")
    void linksTheTrainingPage() throws Exception {
        Files.createDirectories(temp.resolve("train-out"));
        Files.writeString(temp.resolve("train-out/training.html"), "<html/>");
        Document doc = parse(page(Learners.correct()));

        NodeList links = select(doc, "//a");
        assertThat(links.getLength()).isEqualTo(1);
        assertThat(links.item(0).getAttributes().getNamedItem("href").getNodeValue())
                .isEqualTo("train-out/training.html");
        assertThat(select(doc, "//footer[@id='training']//a").getLength()).isEqualTo(1);

        Files.writeString(temp.resolve("training.html"), "<html/>");
        assertThat(HtmlPage.trainingPageBeside(temp.resolve("walk.html"))).contains("training.html");
        assertThat(HtmlPage.trainingPageBeside(temp.resolve("elsewhere/walk.html")))
                .isEmpty();
    }

    @Test
    @DisplayName("escapes text so that markup in it cannot break the page")
    void escapes() {
        assertThat(HtmlPage.escape("a < b & \"c\" > d")).isEqualTo("a &lt; b &amp; &quot;c&quot; &gt; d");
    }
}
