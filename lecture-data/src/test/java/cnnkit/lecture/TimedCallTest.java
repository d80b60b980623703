package cnnkit.lecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A timed call into untrusted code")
class TimedCallTest {
    private static final Duration SHORT = Duration.ofMillis(200);

    @Test
    @DisplayName("returns what the code returned, on a daemon thread")
    void returns() throws TimeoutException {
        assertThat(TimedCall.call(() -> 42, SHORT)).isEqualTo(42);
        assertThat(TimedCall.call(() -> Thread.currentThread().isDaemon(), SHORT))
                .isTrue();
    }

    @Test
    @DisplayName("rethrows what the code threw, the same object, checked exceptions too")
    void rethrowsUnchanged() {
        IOException thrown = new IOException("disk");

        assertThat(catchThrowable(() -> TimedCall.call(
                        () -> {
                            throw thrown;
                        },
                        SHORT)))
                .isSameAs(thrown);
    }

    @Test
    @DisplayName("gives up after the limit with a TimeoutException, and the next call gets a fresh thread")
    void timesOut() throws TimeoutException {
        Thread[] first = new Thread[1];
        Throwable t = catchThrowable(() -> TimedCall.call(
                () -> {
                    first[0] = Thread.currentThread();
                    Thread.sleep(60_000); // interrupted when abandoned, so it does not linger
                    return 0;
                },
                SHORT));

        assertThat(t).isInstanceOf(TimeoutException.class);
        assertThat(TimedCall.call(Thread::currentThread, SHORT)).isNotSameAs(first[0]);
    }

    @Test
    @DisplayName("runs with the caller's context class loader and does not keep it")
    void callersLoader() throws Exception {
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader mine = new URLClassLoader(new URL[0])) {
            Thread.currentThread().setContextClassLoader(mine);
            assertThat(TimedCall.call(() -> Thread.currentThread().getContextClassLoader(), SHORT))
                    .isSameAs(mine);
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
        Thread.currentThread().setContextClassLoader(null);
        try {
            assertThat(TimedCall.call(() -> Thread.currentThread().getContextClassLoader(), SHORT))
                    .isNull();
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    @DisplayName("endCalls ends the calling thread, and calls go on afterwards")
    void endCalls() throws Exception {
        Thread used = TimedCall.call(Thread::currentThread, SHORT);

        assertThat(TimedCall.endCalls(2_000)).isTrue();
        used.join(2_000); // the pool is terminated; its thread is returning from its last frame
        assertThat(used.isAlive()).isFalse();
        assertThat(TimedCall.call(() -> 7, SHORT)).isEqualTo(7);
    }
}
