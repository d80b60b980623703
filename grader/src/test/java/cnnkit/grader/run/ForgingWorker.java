package cnnkit.grader.run;

import cnnkit.grader.run.CheckResult.Status;
import cnnkit.lecture.Step;
import com.google.gson.Gson;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A worker that speaks the channel's protocol but forges: what a student's code could send if it ever got hold of
 * the channel. One nested main class per forgery; each answers every job with plausible frames for two made-up
 * checks of the first requested step, all PASSED, breaking one rule.
 */
final class ForgingWorker {
    private static final Gson GSON = new Gson();

    private ForgingWorker() {}

    /** PASSED twice for the same check. */
    static final class Duplicate {
        public static void main(String[] args) throws IOException {
            serve(args[0], (nonce, a, b) -> List.of(plan(a, b), started(a), passed(a), passed(a), passed(b), done()));
        }
    }

    /** done after the first result. */
    static final class EarlyDone {
        public static void main(String[] args) throws IOException {
            serve(args[0], (nonce, a, b) -> List.of(plan(a, b), started(a), passed(a), done()));
        }
    }

    /** A result for a check that is not in the plan. */
    static final class UnknownId {
        public static void main(String[] args) throws IOException {
            serve(args[0], (nonce, a, b) -> List.of(plan(a), started(a), passed(a), passed(b), done()));
        }
    }

    /** A perfect sequence, but with a guessed nonce. */
    static final class GuessedNonce {
        public static void main(String[] args) throws IOException {
            serve(
                    args[0],
                    (nonce, a, b) -> List.of(plan(a, b), started(a), passed(a), started(b), passed(b), done()).stream()
                            .map(f -> "0".repeat(32) + f.substring(f.indexOf(' ')))
                            .toList());
        }
    }

    interface Forgery {
        List<String> frames(String nonce, String a, String b);
    }

    private static void serve(String socket, Forgery forgery) throws IOException {
        String token = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(socket));
        OutputStream out = SocketStreams.out(channel);
        out.write((token + "\n").getBytes(StandardCharsets.UTF_8));
        BufferedReader in =
                new BufferedReader(new InputStreamReader(SocketStreams.in(channel), StandardCharsets.UTF_8));
        for (String nonce; (nonce = in.readLine()) != null; ) {
            in.readLine();
            String step = in.readLine().split(",")[0];
            in.readLine();
            for (String frame : forgery.frames(nonce, step + ".forgedA", step + ".forgedB")) {
                String line = frame.startsWith("0000") ? frame : nonce + " " + frame.substring(frame.indexOf(' ') + 1);
                out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        Runtime.getRuntime().halt(0);
    }

    private static String frame(Frame f) {
        return "? " + GSON.toJson(f);
    }

    private static String plan(String... ids) {
        return frame(new Frame(
                Frame.PLAN,
                null,
                java.util.Arrays.stream(ids)
                        .map(id -> CheckResult.notPassed(id, stepOf(id), id, Status.NOT_RUN, ""))
                        .toList(),
                null));
    }

    private static String started(String id) {
        return frame(new Frame(Frame.STARTED, id, null, null));
    }

    private static String passed(String id) {
        return frame(new Frame(
                Frame.RESULT,
                null,
                List.of(new CheckResult(id, stepOf(id), id, Status.PASSED, "", "", "", "", "")),
                null));
    }

    private static String done() {
        return frame(new Frame(Frame.DONE, null, null, Frame.REUSABLE));
    }

    private static Step stepOf(String id) {
        return Step.byName(id.substring(0, id.indexOf('.'))).orElseThrow();
    }
}
