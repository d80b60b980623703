package cnnkit.grader.run;

import cnnkit.grader.common.ChildClassPath;
import cnnkit.grader.common.ChildHeap;
import cnnkit.grader.common.Processes;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The grader's side of one worker JVM: starts it (isolated where the platform allows it, see {@link Isolation}),
 * holds its results channel and kills it with everything it started.
 *
 * <p><b>The results channel</b> is a Unix domain socket, not the worker's standard output. The grader listens on a
 * fresh socket in a private folder of its own, gives the worker the socket's path on its command line and a random
 * token on standard input, and accepts exactly one connection: the worker connects and sends the token as its first
 * line before it loads any student class; the socket file and its folder are deleted at once, so no other process
 * can connect later. Inside the worker the socket is held only by the worker's own code: no {@code System.out},
 * {@code FileDescriptor} or {@code /proc/self/fd/N} path leads to it (a socket cannot be opened by name), and the
 * worker's standard output goes to {@code /dev/null}. What arrives is one {@link Message} per line; the rules a job's
 * messages must follow are checked by {@link FrameRules}.
 */
final class WorkerProcess {
    /** A line from the channel: the nonce it carried and its frame (null if the line was not a frame). */
    record Message(String nonce, Frame frame) {}

    /** Type of the last message: the channel ended (the worker died or closed it). */
    static final String EOF = "eof";

    private static final Gson GSON = new Gson();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int MAX_LINE = 1 << 20;
    private static final int STDERR_KEPT = 4096;
    /** Longest socket path the kernel takes (sun_path is 108 bytes on Linux), with a margin. */
    private static final int MAX_SOCKET_PATH = 100;

    final Process process;
    final BlockingQueue<Message> messages = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    private final String marker = secret();
    private Thread stderrReader;
    /** The worker's task and memory limits, or null where the machine gives none. */
    private Cgroup cgroup;

    private final SocketChannel channel;
    private final OutputStream toWorker;
    /** Jobs this worker has finished. */
    int jobs;

    /**
     * Starts a worker and waits until it has connected to its channel.
     *
     * @param folder  its working folder (its temporary folder is made inside)
     * @param extra   more JVM flags
     * @param main    the worker's main class
     * @param startup longest wait for the worker to connect
     * @throws IOException if it cannot be started or does not connect in time
     */
    WorkerProcess(Path folder, List<String> extra, String main, Duration startup) throws IOException {
        Path tmp = Files.createDirectories(folder.resolve("tmp"));
        Path dir = Files.createTempDirectory("cnnkit-ch");
        Path socket = dir.resolve("w");
        if (socket.toAbsolutePath().toString().length() > MAX_SOCKET_PATH) {
            Files.delete(dir);
            throw new IOException("the temporary folder's path is too long for a worker's channel: " + dir);
        }
        String token = secret();
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            cgroup = Isolation.namespaces() ? Cgroup.create() : null;
            ProcessBuilder pb = new ProcessBuilder(Isolation.wrap(command(tmp, extra, main, socket), folder, cgroup))
                    .directory(folder.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            pb.environment().clear();
            pb.environment().put(Isolation.MARKER, marker);
            try {
                process = pb.start();
            } catch (IOException e) {
                removeCgroup();
                throw e;
            }
            process.onExit().thenRunAsync(this::removeCgroup);
            stderrReader = new Thread(() -> keep(process.getErrorStream(), stderr), "worker-stderr");
            stderrReader.setDaemon(true);
            stderrReader.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // it died at once: reported below as not connecting
            }
            channel = accept(server, startup);
        } finally {
            Files.deleteIfExists(socket);
            Files.deleteIfExists(dir);
        }
        if (channel == null) {
            kill();
            throw new IOException("the test JVM did not start" + (stderrText().isBlank() ? "" : ": " + stderrText()));
        }
        toWorker = SocketStreams.out(channel);
        Thread in = new Thread(() -> read(SocketStreams.in(channel), token), "worker-channel");
        in.setDaemon(true);
        in.start();
    }

    /**
     * The worker JVM's command line: memory cap, small stack, quick start-up flags, the channel's socket.
     * {@code -XX:+ExitOnOutOfMemoryError}: an {@link OutOfMemoryError} ends the JVM at once (the grader then blames
     * the running check and runs the rest in a fresh worker) instead of leaving a JVM in an unknown state; the JVM's
     * own messages (such as that one) go to standard error, which the grader reads, not to the discarded output.
     */
    static List<String> command(Path tmp, List<String> extra, String main, Path socket) {
        List<String> cmd = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-Xss1m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-XX:-UsePerfData",
                "-XX:+ExitOnOutOfMemoryError",
                "-XX:+DisplayVMOutputToStderr",
                "-Djava.io.tmpdir=" + tmp.toAbsolutePath(),
                "-Duser.home=" + tmp.toAbsolutePath(),
                "-Dfile.encoding=UTF-8"));
        cmd.addAll(ChildHeap.FLAGS);
        cmd.addAll(extra);
        cmd.addAll(List.of(
                "-cp", ChildClassPath.get(), main, socket.toAbsolutePath().toString()));
        return cmd;
    }

    /** Sends lines to the worker; a worker that died before reading them is reported by the channel's end. */
    synchronized void send(String lines) {
        try {
            toWorker.write(lines.getBytes(StandardCharsets.UTF_8));
            toWorker.flush();
        } catch (IOException e) {
            // reported as a death by the reader's end of stream
        }
    }

    /** Ends the job stream: a worker halts when its channel ends. */
    void endJobs() {
        try {
            channel.shutdownOutput();
        } catch (IOException e) {
            // already gone
        }
    }

    /** Kills the worker's whole process tree and, without namespaces, every process carrying its marker. */
    void kill() {
        Processes.killTree(process);
        if (!Isolation.namespaces()) {
            Isolation.killMarked(marker);
        }
        removeCgroup();
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // closed with the process
        }
    }

    private void removeCgroup() {
        if (cgroup != null) {
            cgroup.remove();
        }
    }

    /** @return up to 4 KiB of what the worker wrote on standard error (all of it, once the worker has ended) */
    String stderrText() {
        if (!process.isAlive()) {
            try {
                stderrReader.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (stderr) {
            return stderr.toString(StandardCharsets.UTF_8).strip();
        }
    }

    /** @return the worker's connection, or null if it died or did not connect in time */
    private SocketChannel accept(ServerSocketChannel server, Duration startup) throws IOException {
        server.configureBlocking(false);
        long deadline = System.nanoTime() + startup.toNanos();
        try (Selector selector = Selector.open()) {
            server.register(selector, SelectionKey.OP_ACCEPT);
            while (System.nanoTime() < deadline && process.isAlive()) {
                selector.select(100);
                SocketChannel c = server.accept();
                if (c != null) {
                    c.configureBlocking(true);
                    return c;
                }
            }
        }
        return null;
    }

    /** Reads messages until the channel ends; a first line other than the token ends it at once. */
    private void read(InputStream raw, String token) {
        try (InputStream in = new BufferedInputStream(raw)) {
            if (token.equals(readLine(in))) {
                for (String line; (line = readLine(in)) != null; ) {
                    messages.add(parse(line));
                }
            }
        } catch (IOException e) {
            // the stream ends when the process does
        }
        messages.add(new Message(null, new Frame(EOF, null, null, null)));
    }

    private static Message parse(String line) {
        int space = line.indexOf(' ');
        if (space < 0) {
            return new Message(line, null);
        }
        try {
            Frame f = GSON.fromJson(line.substring(space + 1), Frame.class);
            return new Message(line.substring(0, space), f == null || f.type() == null ? null : f);
        } catch (JsonParseException e) {
            return new Message(line.substring(0, space), null);
        }
    }

    /** @return the next line (without the newline), lines longer than {@link #MAX_LINE} cut; null at the end */
    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (line.size() < MAX_LINE) {
                line.write(b);
            }
        }
        return b == -1 && line.size() == 0 ? null : line.toString(StandardCharsets.UTF_8);
    }

    private static void keep(InputStream in, ByteArrayOutputStream kept) {
        byte[] buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                synchronized (kept) {
                    kept.write(buffer, 0, Math.max(0, Math.min(n, STDERR_KEPT - kept.size())));
                }
            }
        } catch (IOException e) {
            // ends with the process
        }
    }

    /** @return 128 random bits as hex: a token, nonce or marker */
    static String secret() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
