package cnnkit.grader.shard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

@DisplayName("Shards: a class split by a stable hash of the submission ids")
class ShardTest {
    /** 1000 ids shaped like a MOOC's: one prefix, consecutive numbers (the worst case for a weak hash). */
    static final List<String> IDS =
            IntStream.range(0, 1000).mapToObj(i -> String.format("s%05d", i)).toList();

    @Nested
    @DisplayName("the split")
    class Split {
        @Test
        @DisplayName("is the first 8 bytes of SHA-256 of the UTF-8 id, unsigned, mod N, plus 1")
        void isSha256ModN() throws Exception {
            for (String id : List.of("ada", "s00042", "Zoë_Ünal", "x".repeat(100))) {
                byte[] h = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
                BigInteger first = new BigInteger(1, Arrays.copyOf(h, 8));
                for (int n : List.of(1, 2, 3, 7, 1000)) {
                    assertThat(Shard.of(id, n))
                            .as(id + " of " + n)
                            .isEqualTo(first.mod(BigInteger.valueOf(n)).intValue() + 1);
                }
            }
        }

        @Test
        @DisplayName("puts every id in exactly one shard, the same one every time")
        void everyIdInExactlyOne() {
            for (int n : List.of(1, 3, 8)) {
                for (String id : IDS) {
                    List<Integer> holding = IntStream.rangeClosed(1, n)
                            .filter(k -> new Shard(k, n).holds(id))
                            .boxed()
                            .toList();
                    assertThat(holding).as(id).containsExactly(Shard.of(id, n));
                    assertThat(Shard.of(new String(id.toCharArray()), n)).isEqualTo(holding.get(0));
                }
            }
        }

        @Test
        @DisplayName("does not depend on the other ids (a shard graded again redoes the same submissions)")
        void independentOfTheClass() {
            List<String> reversed = new ArrayList<>(IDS);
            java.util.Collections.reverse(reversed);
            Shard s = new Shard(2, 5);
            assertThat(reversed.subList(0, 10).stream().filter(s::holds))
                    .containsExactlyInAnyOrderElementsOf(
                            IDS.subList(990, 1000).stream().filter(s::holds).toList());
        }

        @Test
        @DisplayName("is balanced: 1000 ids in 3, 8 or 10 shards, each within 25 % of the mean")
        void balanced() {
            for (int n : List.of(3, 8, 10)) {
                int[] sizes = new int[n];
                IDS.forEach(id -> sizes[Shard.of(id, n) - 1]++);
                double mean = IDS.size() / (double) n;
                assertThat(IntStream.of(sizes).sum()).isEqualTo(IDS.size());
                for (int size : sizes) {
                    assertThat((double) size)
                            .as(n + " shards: " + Arrays.toString(sizes))
                            .isBetween(0.75 * mean, 1.25 * mean);
                }
            }
        }
    }

    @Nested
    @DisplayName("--shard K/N")
    class Parse {
        @Test
        @DisplayName("reads K and N")
        void reads() {
            assertThat(Shard.parse("2/3")).isEqualTo(new Shard(2, 3));
            assertThat(Shard.parse(" 1/1 ")).isEqualTo(new Shard(1, 1));
            assertThat(new Shard(2, 3)).hasToString("2/3");
        }

        @Test
        @DisplayName("refuses K out of 1..N, N below 1, and what is not K/N")
        void refuses() {
            assertThatThrownBy(() -> Shard.parse("0/3")).hasMessageContaining("give 1 to 3");
            assertThatThrownBy(() -> Shard.parse("4/3")).hasMessageContaining("shard 4 of 3 does not exist");
            assertThatThrownBy(() -> Shard.parse("1/0")).hasMessageContaining("at least 1, not 0");
            assertThatThrownBy(() -> Shard.parse("2")).hasMessageContaining("K/N");
            assertThatThrownBy(() -> Shard.parse("1/2/3")).hasMessageContaining("K/N");
            assertThatThrownBy(() -> Shard.parse("a/3")).hasMessageContaining("whole numbers");
        }
    }

    @Nested
    @DisplayName("--shard-from-env N")
    class FromEnvironment {
        @Test
        @DisplayName("takes K = 1 + the 0-based index of a Kubernetes Indexed Job or an AWS Batch array job")
        void readsTheIndex() {
            assertThat(Shard.fromEnvironment(3, Map.of("JOB_COMPLETION_INDEX", "0")))
                    .isEqualTo(new Shard(1, 3));
            assertThat(Shard.fromEnvironment(3, Map.of("AWS_BATCH_JOB_ARRAY_INDEX", "2")))
                    .isEqualTo(new Shard(3, 3));
            assertThat(Shard.fromEnvironment(3, Map.of("JOB_COMPLETION_INDEX", "1", "AWS_BATCH_JOB_ARRAY_INDEX", "0")))
                    .as("Kubernetes' variable first")
                    .isEqualTo(new Shard(2, 3));
        }

        @Test
        @DisplayName("refuses a missing, malformed or out-of-range index, and N below 1")
        void refuses() {
            assertThatThrownBy(() -> Shard.fromEnvironment(3, Map.of()))
                    .hasMessageContaining("JOB_COMPLETION_INDEX")
                    .hasMessageContaining("AWS_BATCH_JOB_ARRAY_INDEX");
            assertThatThrownBy(() -> Shard.fromEnvironment(3, Map.of("JOB_COMPLETION_INDEX", "3")))
                    .hasMessageContaining("out of range for 3 shards (0 to 2)");
            assertThatThrownBy(() -> Shard.fromEnvironment(3, Map.of("JOB_COMPLETION_INDEX", "-1")))
                    .hasMessageContaining("out of range");
            assertThatThrownBy(() -> Shard.fromEnvironment(3, Map.of("JOB_COMPLETION_INDEX", "one")))
                    .hasMessageContaining("not a shard index");
            assertThatThrownBy(() -> Shard.fromEnvironment(0, Map.of("JOB_COMPLETION_INDEX", "0")))
                    .hasMessageContaining("at least 1, not 0");
        }
    }
}
