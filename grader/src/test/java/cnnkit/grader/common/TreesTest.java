package cnnkit.grader.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Trees: folders copied and deleted without following links")
class TreesTest {
    @TempDir
    Path temp;

    @Test
    @DisplayName("copy takes folders and regular files, replaces what is there, and leaves links out")
    void copy() throws IOException {
        Path from = Files.createDirectories(temp.resolve("from/sources/cnn"));
        Files.writeString(from.resolve("Relu.java"), "class Relu {}");
        Path secret = Files.writeString(temp.resolve("secret.txt"), "secret");
        Files.createSymbolicLink(from.resolve("Link.java"), secret);
        Files.createDirectories(temp.resolve("from/empty"));
        Path to = temp.resolve("to");
        Files.createDirectories(to.resolve("sources/cnn"));
        Files.writeString(to.resolve("sources/cnn/Relu.java"), "old");
        Trees.copy(temp.resolve("from"), to);
        assertThat(to.resolve("sources/cnn/Relu.java")).hasContent("class Relu {}");
        assertThat(to.resolve("empty")).isDirectory();
        assertThat(to.resolve("sources/cnn/Link.java")).doesNotExist();
    }

    @Test
    @DisplayName("delete removes a tree, a link in it but not what it points to, and ignores a missing folder")
    void delete() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("dir/sub"));
        Path kept = Files.writeString(temp.resolve("kept.txt"), "kept");
        Files.createSymbolicLink(dir.resolve("link"), kept);
        Trees.delete(temp.resolve("dir"));
        assertThat(temp.resolve("dir")).doesNotExist();
        assertThat(kept).hasContent("kept");
        Trees.delete(temp.resolve("dir"));
    }
}
