package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Looks at the walkthrough's page as a person does: in headless Chromium (Debian packages {@code chromium} and
 * {@code chromium-driver}), through Selenium. Skipped when either is missing; {@code .ci/run} installs them.
 */
@DisplayName("The walkthrough's HTML page in a real browser")
class WalkthroughBrowserTest {
    /** Selenium warns that it has no DevTools binding for this Chromium; the test does not use DevTools. */
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");

    private static WebDriver browser;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startBrowser() throws Exception {
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Optional<Path> chromium = executable("chromium", "chromium-browser");
        Optional<Path> driver = executable("chromedriver");
        if (chromium.isEmpty() || driver.isEmpty()) {
            return; // each test is then skipped, and reported as skipped
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.get().toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-dev-shm-usage",
                "--window-size=1200,900",
                "--user-data-dir=" + Files.createTempDirectory(temp, "profile"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(driver.get().toFile())
                .usingAnyFreePort()
                .build();
        browser = new ChromeDriver(service, options);
    }

    @BeforeEach
    void needsBrowser() {
        assumeTrue(
                browser != null,
                "Chromium and chromedriver are not installed (Debian: apt-get install -y chromium chromium-driver)");
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    private void open(Path classes) {
        Path file = temp.resolve(classes.getFileName() + ".html");
        Cli run = Cli.run("walkthrough", "--classes", classes.toString(), "--speed", "0", "--html", file.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        browser.get(file.toUri().toString());
    }

    @Test
    @DisplayName("every heatmap cell is drawn, with the shade of its value on its map's scale")
    void heatmapsRender() {
        open(Learners.correct());

        // One round trip for all cells: [data-value, width, height, computed background] per cell, per map.
        @SuppressWarnings("unchecked")
        List<List<List<Object>>> maps = (List<List<List<Object>>>) ((JavascriptExecutor) browser)
                .executeScript("return Array.from(document.querySelectorAll('table.heatmap')).map(t => "
                        + "Array.from(t.querySelectorAll('td')).map(td => { const r = td.getBoundingClientRect(); "
                        + "return [td.dataset.value, r.width, r.height, getComputedStyle(td).backgroundColor]; }));");
        assertThat(maps).hasSizeGreaterThan(10);
        assertThat(browser.findElements(By.cssSelector("#step-1 svg.window rect.detector")))
                .hasSize(25)
                .allSatisfy(r -> assertThat(r.getSize().getWidth()).isPositive());
        for (List<List<Object>> cells : maps) {
            double[] values = cells.stream()
                    .mapToDouble(c -> Double.parseDouble((String) c.get(0)))
                    .toArray();
            double lo = Arrays.stream(values).min().orElseThrow();
            double hi = Arrays.stream(values).max().orElseThrow();
            for (int i = 0; i < cells.size(); i++) {
                List<Object> cell = cells.get(i);
                assertThat(((Number) cell.get(1)).doubleValue()).isPositive();
                assertThat(((Number) cell.get(2)).doubleValue()).isPositive();
                double t = hi > lo ? (values[i] - lo) / (hi - lo) : 0;
                // data-value is the printed (rounded) value: a channel may differ by one from the exact colour
                int[] shown = rgb((String) cell.get(3));
                int[] exact = rgb(HtmlPage.heat(t));
                for (int c = 0; c < 3; c++) {
                    assertThat(shown[c])
                            .as("%s for %s", cell.get(3), cell.get(0))
                            .isCloseTo(exact[c], within(1));
                }
            }
        }
    }

    @Test
    @DisplayName("the feature map's strongest cell, 4, is the darkest; a 0 is white")
    void strongestCellIsDarkest() {
        open(Learners.correct());

        WebElement featureMap =
                browser.findElements(By.cssSelector("#step-1 table.heatmap")).get(2);
        assertThat(featureMap.findElement(By.xpath(".//tr[4]/td[2]")).getCssValue("background-color"))
                .isEqualTo("rgba(33, 102, 172, 1)");
        assertThat(featureMap.findElement(By.xpath(".//tr[1]/td[1]")).getCssValue("background-color"))
                .isEqualTo("rgba(255, 255, 255, 1)");
    }

    @Test
    @DisplayName("on a flipped kernel the wrong cells are outlined in red and the hint is visible")
    void wrongCellsOutlined() {
        open(Learners.flippedKernel());

        @SuppressWarnings("unchecked")
        List<List<Object>> wrong = (List<List<Object>>) ((JavascriptExecutor) browser)
                .executeScript("return Array.from(document.querySelectorAll('td.wrong')).map(td => "
                        + "[td.getBoundingClientRect().width, getComputedStyle(td).outlineColor]);");
        assertThat(wrong).hasSize(16).allSatisfy(c -> {
            assertThat(((Number) c.get(0)).doubleValue()).isPositive();
            assertThat(c.get(1)).isEqualTo("rgb(198, 40, 40)");
        });
        assertThat(browser.findElement(By.cssSelector("p.hint")).isDisplayed()).isTrue();
    }

    /** Browsers report {@code rgb(r, g, b)} back as {@code rgba(r, g, b, 1)}. */
    private static String rgba(String rgb) {
        return rgb.replace("rgb(", "rgba(").replace(")", ", 1)");
    }

    private static Optional<Path> executable(String... names) {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String name : names) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }

    /** @return the channels of a CSS colour {@code rgb(r, g, b)} */
    private static int[] rgb(String css) {
        return Arrays.stream(css.replaceAll("[^0-9,]", "").split(","))
                .mapToInt(Integer::parseInt)
                .toArray();
    }
}
