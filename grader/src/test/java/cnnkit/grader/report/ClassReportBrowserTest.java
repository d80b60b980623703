package cnnkit.grader.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Opens {@code class-report.html} as an instructor does: in headless Chromium (Debian packages {@code chromium} and
 * {@code chromium-driver}) through Selenium, as the walkthrough's page is checked. Skipped, and reported so, only
 * where either is missing; a screenshot is left in {@code target/class-report.png} to look at.
 */
@DisplayName("class-report.html in a real browser")
class ClassReportBrowserTest {
    private static final Logger SELENIUM_LOG = Logger.getLogger("org.openqa.selenium");
    private static WebDriver browser;

    @TempDir
    static Path temp;

    @BeforeAll
    static void startBrowser() throws Exception {
        SELENIUM_LOG.setLevel(Level.SEVERE);
        Optional<Path> chromium = executable("chromium", "chromium-browser");
        Optional<Path> driver = executable("chromedriver");
        assumeTrue(
                chromium.isPresent() && driver.isPresent(),
                "Chromium and chromedriver are not installed (Debian: apt-get install -y chromium chromium-driver)");
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
                "--window-size=1200,2400",
                "--user-data-dir=" + Files.createTempDirectory(temp, "profile"));
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(driver.get().toFile())
                        .usingAnyFreePort()
                        .build(),
                options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    @DisplayName("shows every chart loaded at its size, every table, and a hostile id as text")
    void renders() throws Exception {
        List<cnnkit.grader.score.Grade> grades = new java.util.ArrayList<>(ClassReportTest.smallClass());
        grades.add(HandMade.failing("<img src=x onerror=document.title='pwned'>", "off-by-one"));
        Path file = temp.resolve(ClassReport.FILE);
        ClassReport.write(file, grades, HintSource.catalogue());
        browser.get(file.toUri().toString());

        @SuppressWarnings("unchecked")
        List<List<Object>> images = (List<List<Object>>) ((JavascriptExecutor) browser)
                .executeScript(
                        "return Array.from(document.images).map(i => [i.complete, i.naturalWidth, i.naturalHeight]);");
        assertThat(images).hasSize(2).allSatisfy(i -> {
            assertThat(i.get(0)).isEqualTo(true);
            assertThat(((Number) i.get(1)).intValue()).isEqualTo(Charts.WIDTH);
            assertThat(((Number) i.get(2)).intValue()).isEqualTo(Charts.HEIGHT);
        });
        assertThat(browser.getTitle()).isEqualTo("Class report");
        assertThat(browser.findElements(By.cssSelector("table"))).hasSize(5);
        assertThat(browser.findElement(By.cssSelector("#students + table")).getText())
                .contains("<img src=x onerror=document.title='pwned'>");
        Path shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(shot, Path.of("target", "class-report.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
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
}
