package cnnkit.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The digits of Part 2: the file is the one its provenance names, and the loader reads all of it, as documented. */
@DisplayName("Digits (Part 2's data)")
class DigitsTest {
    @Nested
    @DisplayName("the file")
    class File {
        @Test
        @DisplayName("is the one the README names: its sha256 is the README's")
        void checksum() throws IOException, NoSuchAlgorithmException {
            Matcher stated = Pattern.compile("sha256:\\**\\s*`([0-9a-f]{64})`")
                    .matcher(Files.readString(Path.of("README.md"), StandardCharsets.UTF_8));
            assertThat(stated.find()).as("README.md states the digits' sha256").isTrue();
            byte[] bytes;
            try (InputStream in = Digits.class.getResourceAsStream(Digits.RESOURCE)) {
                assertThat(in).as(Digits.RESOURCE).isNotNull();
                bytes = in.readAllBytes();
            }
            String actual = HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            assertThat(actual).isEqualTo(stated.group(1));
            assertThat(Files.readAllBytes(Path.of("digits/digits.csv.gz"))).isEqualTo(bytes);
        }

        @Test
        @DisplayName("has 1,797 images, 8x8 pixels in [0, 1] that are counts 0..16 divided by 16, digits 0..9")
        void contents() {
            List<Digits.Example> all = Digits.all();
            assertThat(all).hasSize(1797);
            assertThat(all)
                    .extracting(Digits.Example::index)
                    .containsExactlyElementsOf(IntStream.range(0, 1797).boxed().toList());
            for (Digits.Example e : all) {
                assertThat(e.image()).as("image %d", e.index()).hasDimensions(8, 8);
                for (double[] row : e.image()) {
                    for (double p : row) {
                        assertThat(p * 16).isBetween(0.0, 16.0).isEqualTo(Math.rint(p * 16));
                    }
                }
            }
            assertThat(all).extracting(Digits.Example::label).containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            // the first line of the file: "0,0,5,13,9,1,0,0, ..." showing a 0
            assertThat(all.get(0).label()).isZero();
            assertThat(all.get(0).image()[0]).containsExactly(0, 0, 5 / 16.0, 13 / 16.0, 9 / 16.0, 1 / 16.0, 0, 0);
        }
    }

    @Nested
    @DisplayName("the split")
    class Split {
        @Test
        @DisplayName("every fifth image (index % 5 == 0) is a test image: 360 test, 1,437 training, disjoint")
        void split() {
            assertThat(Digits.test()).hasSize(360).allMatch(e -> e.index() % 5 == 0);
            assertThat(Digits.train()).hasSize(1437).allMatch(e -> e.index() % 5 != 0);
            assertThat(Digits.isTest(0)).isTrue();
            assertThat(Digits.isTest(1795)).isTrue();
            assertThat(Digits.isTest(4)).isFalse();
        }

        @Test
        @DisplayName("both sets hold every digit")
        void everyDigit() {
            assertThat(Digits.test()).extracting(Digits.Example::label).containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
            assertThat(Digits.train()).extracting(Digits.Example::label).containsOnly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        }
    }

    @Nested
    @DisplayName("the loader")
    class Loader {
        @Test
        @DisplayName("hands out copies: changing an image changes no one else's")
        void copies() {
            double[][] image = Digits.all().get(0).image();
            image[0][2] = 42;
            assertThat(Digits.all().get(0).image()[0][2]).isEqualTo(5 / 16.0);
        }

        @Test
        @DisplayName("rejects a line with too few values, a count above 16 or a digit that is not 0..9, naming it")
        void rejectsBadLines() {
            String pixels = "0,".repeat(64);
            assertThatThrownBy(() -> Digits.parse(6, "1,2,3"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("line 7 has 3 values");
            assertThatThrownBy(() -> Digits.parse(0, "17," + "0,".repeat(63) + "1"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("pixel 0 is 17");
            assertThatThrownBy(() -> Digits.parse(0, pixels + "10"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("digit is 10");
            assertThat(Digits.parse(0, pixels + "3").label()).isEqualTo(3);
        }
    }
}
