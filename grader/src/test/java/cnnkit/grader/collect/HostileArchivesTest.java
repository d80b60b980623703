package cnnkit.grader.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.grader.testing.Zips;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Collecting hostile hand-ins")
class HostileArchivesTest {
    @TempDir
    Path temp;

    @Nested
    @DisplayName("a zip")
    class ZipHandIns {
        @Test
        @DisplayName("with a link entry: the link is skipped, never created or written")
        void linkEntriesSkipped() throws Exception {
            Path zip = zip(
                    "link.zip",
                    StandardCharsets.UTF_8,
                    Map.of("cnn/Relu.java", "/etc/passwd", "cnn/Softmax.java", "package cnn;"));
            Zips.markAsLink(zip, "cnn/Relu.java");
            assertThat(ZipLinks.find(zip, StandardCharsets.UTF_8)).containsExactly("cnn/Relu.java");
            Path dest = extract(zip);
            assertThat(dest.resolve("cnn/Relu.java")).doesNotExist();
            assertThat(dest.resolve("cnn/Softmax.java")).hasContent("package cnn;");
        }

        @Test
        @DisplayName("with names that are not UTF-8: read as ISO-8859-1, never a crash")
        void latinNames() throws Exception {
            Path zip = zip(
                    "latin.zip",
                    StandardCharsets.ISO_8859_1,
                    Map.of("cnn/Übung.txt", "x", "cnn/Relu.java", "package cnn;"));
            Path dest = extract(zip);
            assertThat(dest.resolve("cnn/Übung.txt")).exists();
            assertThat(dest.resolve("cnn/Relu.java")).exists();
        }

        @Test
        @DisplayName("with a file and a folder of one name: rejected, not a grader error")
        void clashingEntries() throws Exception {
            Path zip = zip("clash.zip", StandardCharsets.UTF_8, Map.of("cnn", "a file", "cnn/Relu.java", "x"));
            assertThatThrownBy(() -> extract(zip))
                    .isInstanceOf(RejectedSubmission.class)
                    .hasMessageContaining("cannot be unpacked");
        }

        @Test
        @DisplayName("that unpacks to more than the budget (counted while writing), or has too many entries: rejected")
        void bombs() throws Exception {
            Path bomb =
                    Zips.bomb(temp.resolve("bomb.zip"), "cnn/Relu.java", (int) (Archives.MAX_UNPACKED_BYTES >> 20) + 1);
            assertThat(Files.size(bomb)).isLessThan(Archives.MAX_UNPACKED_BYTES / 100);
            assertThatThrownBy(() -> extract(bomb))
                    .isInstanceOf(RejectedSubmission.class)
                    .hasMessageContaining("MiB");

            Map<String, String> many = new LinkedHashMap<>();
            for (int i = 0; i <= Archives.MAX_ENTRIES; i++) {
                many.put("f" + i, "");
            }
            Path crowd = zip("crowd.zip", StandardCharsets.UTF_8, many);
            assertThatThrownBy(() -> extract(crowd))
                    .isInstanceOf(RejectedSubmission.class)
                    .hasMessageContaining("entries");
        }

        @Test
        @DisplayName("with a nested zip and a \"./\" entry: the inner zip stays a file, the rest unpacks")
        void nestedAndDot() throws Exception {
            Path inner = zip("inner.zip", StandardCharsets.UTF_8, Map.of("cnn/Relu.java", "package cnn;"));
            Path zip = zip(
                    "outer.zip",
                    StandardCharsets.UTF_8,
                    Map.of("./", "", "inner.zip", Files.readString(inner, StandardCharsets.ISO_8859_1)));
            Path dest = extract(zip);
            assertThat(dest.resolve("inner.zip")).isRegularFile();
            assertThat(dest.resolve("cnn")).doesNotExist();
        }

        @Test
        @DisplayName("that is empty: nothing unpacked, no sources; of zero bytes: rejected")
        void empty() throws Exception {
            Path dest = extract(zip("empty.zip", StandardCharsets.UTF_8, Map.of()));
            try (Stream<Path> files = Files.list(dest)) {
                assertThat(files).isEmpty();
            }
            Path zero = Files.write(temp.resolve("zero.zip"), new byte[0]);
            assertThatThrownBy(() -> extract(zero)).isInstanceOf(RejectedSubmission.class);
        }
    }

    @Nested
    @DisplayName("a folder")
    class Folders {
        @Test
        @DisplayName("with links to files and folders outside: they are not followed")
        void linksNotFollowed() throws IOException {
            Path outside = Files.createDirectories(temp.resolve("outside/cnn"));
            Files.writeString(outside.resolve("Relu.java"), "package cnn; public final class Relu { }");
            Path hand = Files.createDirectories(temp.resolve("hand-in/cnn"));
            Files.createSymbolicLink(hand.resolve("Relu.java"), outside.resolve("Relu.java"));
            Files.createSymbolicLink(hand.getParent().resolve("more"), outside.getParent());
            Sources s = SourceFinder.find(hand.getParent());
            assertThat(s.steps()).isEmpty();
            assertThat(s.helpers()).isEmpty();
            assertThat(s.ignored()).anyMatch(i -> i.contains("Relu.java: a link"));
        }

        @Test
        @DisplayName("with more Java files than a CNN exercise has: only the first are read, the rest are named")
        void tooManySources() throws IOException {
            Path cnn = Files.createDirectories(temp.resolve("big/cnn"));
            for (int i = 0; i < SourceFinder.MAX_SOURCES + 5; i++) {
                Files.writeString(cnn.resolve("H" + i + ".java"), "package cnn; class H" + i + " { }");
            }
            Sources s = SourceFinder.find(cnn.getParent());
            assertThat(s.helpers()).hasSize(SourceFinder.MAX_SOURCES);
            assertThat(s.ignored()).filteredOn(i -> i.contains("not read")).hasSize(5);
        }
    }

    private Path extract(Path zip) throws IOException, RejectedSubmission {
        Path dest = Files.createDirectories(temp.resolve("out-" + zip.getFileName()));
        Archives.extract(zip, dest);
        return dest;
    }

    private Path zip(String name, Charset names, Map<String, String> entries) throws IOException {
        return Zips.write(temp.resolve(name), names, entries);
    }
}
