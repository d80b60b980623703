package cnnkit.walkthrough;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The walkthrough's hints")
class HintsTest {
    @Test
    @DisplayName("are read from the misconception catalogue's columns id,step,recognised_by,hint")
    void readsTheCatalogue() {
        String csv = String.join("\n",
            "# a comment line",
            "id,step,recognised_by,hint",
            "flipped-kernel,Convolution,\"output equals convolve(image, rot180(kernel))\","
                + "\"Lay the detector on the image as it is, not \"\"turned\"\"\"",
            "no-hint,Relu,abs(x),");
        Map<String, String> hints = Hints.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertThat(hints).containsOnlyKeys("flipped-kernel")
            .containsEntry("flipped-kernel", "Lay the detector on the image as it is, not \"turned\"");
    }
}
