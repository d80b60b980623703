package cnnkit.grader.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cnnkit.lecture.Step;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Collecting a submission")
class CollectTest {
    @TempDir
    Path temp;

    @Nested
    @DisplayName("finding sources")
    class Finding {
        @Test
        @DisplayName("takes a file by its package declaration, not its folder; skips tests, build output, hidden files")
        void byPackage() throws IOException {
            write("odd/place/Relu.java", "/* package other; */\npackage cnn;\npublic class Relu {}");
            write("src/Helper.java", "// helper\npackage cnn;\nclass Helper {}");
            write("cnn/Softmax.java", "package other;\nclass Softmax {}");
            write("cnn/Flattening.java", "class Flattening {}");
            write("target/classes/cnn/Convolution.java", "package cnn; class Convolution {}");
            write("src/test/java/cnn/MaxPooling.java", "package cnn; class MaxPooling {}");
            write(".git/cnn/Convolution.java", "package cnn; class Convolution {}");
            write("README.md", "hello");

            Sources s = SourceFinder.find(temp.resolve("sub"));

            assertThat(s.steps()).containsOnlyKeys(Step.RELU);
            assertThat(s.helpers()).extracting(p -> p.getFileName().toString()).containsExactly("Helper.java");
            assertThat(String.join("\n", s.ignored()))
                    .contains("cnn/Softmax.java: is in package other")
                    .contains("cnn/Flattening.java: has no `package cnn;`")
                    .contains("target/")
                    .contains("src/test/")
                    .contains(".git/")
                    .contains("README.md");
        }

        @Test
        @DisplayName("grades the shallowest of two copies of a class and says which copy was ignored")
        void duplicates() throws IOException {
            write("a/b/cnn/Relu.java", "package cnn; public class Relu {}");
            write("cnn/Relu.java", "package cnn; public class Relu {}");

            Sources s = SourceFinder.find(temp.resolve("sub"));

            assertThat(temp.resolve("sub").relativize(s.steps().get(Step.RELU))).hasToString("cnn/Relu.java");
            assertThat(s.ignored()).anyMatch(i -> i.startsWith("a/b/cnn/Relu.java: a second copy"));
        }
    }

    @Test
    @DisplayName("reads a file with a byte-order mark, and one saved as Latin-1 (said so), as clean UTF-8 copies")
    void encodings() throws IOException, RejectedSubmission {
        Path sub = Files.createDirectories(temp.resolve("sub/cnn"));
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] relu = "package cnn; public class Relu {}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Files.write(
                sub.resolve("Relu.java"),
                java.nio.ByteBuffer.allocate(bom.length + relu.length)
                        .put(bom)
                        .put(relu)
                        .array());
        Files.write(
                sub.resolve("Softmax.java"),
                "package cnn; /* caf\u00e9 */ public class Softmax {}"
                        .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));

        Sources s = Collector.collect(
                new Submission("sub", temp.resolve("sub")), Files.createDirectories(temp.resolve("w")));

        assertThat(s.steps()).containsOnlyKeys(Step.RELU, Step.SOFTMAX);
        assertThat(Files.readString(s.steps().get(Step.RELU))).startsWith("package cnn;");
        assertThat(Files.readString(s.steps().get(Step.SOFTMAX))).contains("caf\u00e9");
        assertThat(s.notes()).singleElement().asString().contains("Softmax.java is not saved as UTF-8");
    }

    @Nested
    @DisplayName("unpacking a zip")
    class Unpacking {
        @Test
        @DisplayName("unpacks a zip with a top folder")
        void unpacks() throws IOException, RejectedSubmission {
            Path zip = zip("ok.zip", "top/cnn/Relu.java");
            Sources s = Collector.collect(new Submission("ok", zip), Files.createDirectories(temp.resolve("w")));
            assertThat(s.steps()).containsOnlyKeys(Step.RELU);
        }

        @Test
        @DisplayName("rejects entries that climb out or are absolute, and files that are not zips")
        void rejects() throws IOException {
            for (String evil : List.of("../evil/cnn/Relu.java", "top/../../cnn/Relu.java", "/tmp/cnn/Relu.java")) {
                Path zip = zip("evil.zip", evil);
                Path dest = Files.createDirectories(temp.resolve("dest"));
                assertThatThrownBy(() -> Archives.extract(zip, dest))
                        .as(evil)
                        .isInstanceOf(RejectedSubmission.class)
                        .hasMessageContaining(evil);
            }
            assertThat(temp.resolve("evil")).doesNotExist();
            Path text = Files.writeString(temp.resolve("text.zip"), "not a zip");
            assertThatThrownBy(() -> Archives.extract(text, temp.resolve("d2")))
                    .isInstanceOf(RejectedSubmission.class)
                    .hasMessageContaining("not a readable zip");
        }
    }

    @Test
    @DisplayName("ids are names without .zip, sorted; two hand-ins with one id are refused naming both")
    void ids() {
        List<Submission> subs = Submission.of(List.of(Path.of("x/bob.zip"), Path.of("x/alice"), Path.of("y/carl")));
        assertThat(subs).extracting(Submission::id).containsExactly("alice", "bob", "carl");
        assertThatThrownBy(() -> Submission.of(List.of(Path.of("x/bob.zip"), Path.of("x/alice"), Path.of("y/bob"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bob'")
                .hasMessageContaining(Path.of("x/bob.zip").toString())
                .hasMessageContaining(Path.of("y/bob").toString());
    }

    private void write(String rel, String text) throws IOException {
        Path p = temp.resolve("sub").resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Path zip(String name, String entry) throws IOException {
        Path zip = temp.resolve(name);
        try (OutputStream out = Files.newOutputStream(zip);
                ZipOutputStream z = new ZipOutputStream(out)) {
            z.putNextEntry(new ZipEntry(entry));
            z.write("package cnn; public class Relu {}".getBytes());
            z.closeEntry();
        }
        return zip;
    }
}
