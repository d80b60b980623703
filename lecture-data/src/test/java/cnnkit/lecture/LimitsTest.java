package cnnkit.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The kit's time limits")
class LimitsTest {
    private static final Limits D = Limits.DEFAULT;

    @Test
    @DisplayName("are 2 s a call, 3 s a check, 10 s of silence, 120 s a submission, 60 s to compile, 3 restarts")
    void defaults() {
        assertThat(D.call()).hasSeconds(2);
        assertThat(D.check()).hasSeconds(3);
        assertThat(D.silence()).hasSeconds(10);
        assertThat(D.submission()).hasSeconds(120);
        assertThat(D.compile()).hasSeconds(60);
        assertThat(D.startup()).hasSeconds(30);
        assertThat(D.restarts()).isEqualTo(3);
        assertThat(D.walkthrough()).hasSeconds(10);
        assertThat(D.filter()).hasSeconds(60);
    }

    @Test
    @DisplayName("refuse a limit that is null, zero or negative, limits that do not nest, and negative restarts")
    void refusesBadLimits() {
        Duration s = Duration.ofSeconds(1);
        assertThatThrownBy(() -> D.with(Duration.ZERO, D.submission(), D.compile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("silence");
        assertThatThrownBy(() -> D.with(D.silence(), null, D.compile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("submission");
        assertThatThrownBy(() -> D.with(D.silence(), s, D.compile()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("nest")
                .hasMessageContaining("3 s");
        assertThatThrownBy(() -> new Limits(s, s, s, s, s, s, -1, s, s))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("restarts");
    }

    @Test
    @DisplayName("take the command line's overrides and keep the rest")
    void overrides() {
        Limits l = D.with(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(7));

        assertThat(l)
                .isEqualTo(new Limits(
                        D.call(),
                        D.check(),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(30),
                        Duration.ofSeconds(7),
                        D.startup(),
                        D.restarts(),
                        D.walkthrough(),
                        D.filter()));
    }

    @Test
    @DisplayName("are stated in whole seconds where they are whole, one line each for --help, within 80 columns")
    void described() {
        assertThat(Limits.seconds(Duration.ofSeconds(3))).isEqualTo("3 s");
        assertThat(Limits.seconds(Duration.ofMillis(1500))).isEqualTo("1500 ms");
        assertThat(D.describe().lines())
                .hasSize(7)
                .anyMatch(l -> l.contains("call") && l.contains("2 s"))
                .anyMatch(l -> l.contains("--timeout") && l.contains("120 s"))
                .anyMatch(l -> l.contains("restarts") && l.contains("3"))
                .allMatch(l -> l.length() < 80);
    }
}
