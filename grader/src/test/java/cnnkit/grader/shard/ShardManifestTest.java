package cnnkit.grader.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("shard.json: which shard of which class a folder holds")
class ShardManifestTest {
    @TempDir
    Path temp;

    static ShardManifest manifest(int shard, int count) {
        return new ShardManifest(
                ShardManifest.FORMAT,
                shard,
                count,
                3,
                ShardManifest.classIdsOf(List.of("ada", "bob", "cy")),
                List.of("bob"),
                List.of(".notes: a hidden folder"),
                ShardManifest.rubricOf(Map.of("Relu.x", 1.0)),
                "visible",
                true);
    }

    @Test
    @DisplayName("reads back what it wrote, and leaves no temporary file")
    void roundTrip() throws IOException {
        ShardManifest m = manifest(2, 3);
        m.write(temp);
        assertThat(ShardManifest.read(temp)).isEqualTo(m);
        assertThat(temp.resolve(ShardManifest.FILE + ".tmp")).doesNotExist();
        assertThat(m.asShard()).isEqualTo(new Shard(2, 3));
    }

    @Test
    @DisplayName("fingerprints the class by its sorted ids, and the rubric by its rows in order")
    void fingerprints() {
        assertThat(ShardManifest.classIdsOf(List.of("cy", "ada", "bob")))
                .isEqualTo(ShardManifest.classIdsOf(List.of("ada", "bob", "cy")))
                .isEqualTo(Shard.hex("ada\nbob\ncy"))
                .isNotEqualTo(ShardManifest.classIdsOf(List.of("ada", "bob")));
        Map<String, Double> rubric = new LinkedHashMap<>();
        rubric.put("Relu.a", 1.0);
        rubric.put("Relu.b", 2.0);
        assertThat(ShardManifest.rubricOf(rubric)).isEqualTo(Shard.hex("Relu.a,1.0\nRelu.b,2.0\n"));
        rubric.put("Relu.b", 2.5);
        assertThat(ShardManifest.rubricOf(rubric)).isNotEqualTo(Shard.hex("Relu.a,1.0\nRelu.b,2.0\n"));
        assertThat(Shard.hex("")).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    @DisplayName(
            "refuses a folder without one (an unfinished shard), one not JSON, another format, a shard out of range")
    void refuses() throws IOException {
        assertThatThrownBy(() -> ShardManifest.read(temp))
                .hasMessageContaining("has no shard.json")
                .hasMessageContaining("did not finish");
        Path file = temp.resolve(ShardManifest.FILE);
        Files.writeString(file, "{ not json");
        assertThatThrownBy(() -> ShardManifest.read(temp)).hasMessageContaining("is not a shard manifest");
        Files.writeString(file, "{\"format\": \"cnnkit-shard 0\", \"ids\": [], \"skipped\": []}");
        assertThatThrownBy(() -> ShardManifest.read(temp)).hasMessageContaining("of this grader (cnnkit-shard 1)");
        manifest(1, 3).write(temp);
        Files.writeString(file, Files.readString(file).replace("\"shard\": 1", "\"shard\": 4"));
        assertThatThrownBy(() -> ShardManifest.read(temp)).hasMessageContaining("shard 4 of 3 does not exist");
    }
}
