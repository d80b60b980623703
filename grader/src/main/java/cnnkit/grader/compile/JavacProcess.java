package cnnkit.grader.compile;

import cnnkit.grader.common.ChildClassPath;
import cnnkit.grader.common.ChildHeap;
import cnnkit.grader.common.Processes;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Compiles students' sources in compiler JVMs of their own ({@link JavacServer}), each with a memory cap of
 * {@link #HEAP}: long-lived compilers shared by the grading threads (one compiles while the others' submissions run
 * their checks), reused from submission to submission (so javac is warm after the first), killed and replaced when
 * one does not answer within the time limit, runs out of memory or dies. A stalled compiler thus costs one
 * submission its steps, with a message, and the class goes on; the time another submission waits for a free
 * compiler does not count against its own limit.
 */
public final class JavacProcess implements Javac, AutoCloseable {
    /** The compiler JVM's heap: ample for any honest exercise, far below what a stalled inference takes. */
    static final String HEAP = "-Xmx256m";

    private static final Gson GSON = new Gson();
    private static final int STDERR_KEPT = 4096;
    private static final String EOF = "\u0000eof";
    /** Longest wait for a compiler JVM to write the kept class-data archive as it ends. */
    private static final long ARCHIVE_SECONDS = 30;

    private final Duration limit;
    private final Path home;
    private final Path archive;
    private final AtomicBoolean archiveClaimed = new AtomicBoolean();
    private final int most;
    private final Deque<Server> idle = new ArrayDeque<>();
    private final Set<Server> alive = ConcurrentHashMap.newKeySet();
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger reused = new AtomicInteger();

    /**
     * @param limit how long one submission's compilation may take
     * @param home  a private folder for the compiler JVMs' working folders
     */
    public JavacProcess(Duration limit, Path home) {
        this(limit, home, null, 1);
    }

    /**
     * As {@link #JavacProcess(Duration, Path)}, with the compiler JVMs' class-data archive kept across runs
     * ({@link cnnkit.grader.run.KeptArchives}): mapped if it is there, else written by the first compiler JVM as
     * it ends (which {@link #close()} then waits for).
     *
     * @param archive the archive's path, or null for none
     * @param most    compiler JVMs at most (one serves several grading threads: a compile takes a tenth of the time
     *                the checks of a submission take)
     */
    public JavacProcess(Duration limit, Path home, Path archive, int most) {
        if (limit.isNegative() || limit.isZero()) {
            throw new IllegalArgumentException("the compile time limit must be positive, not " + limit);
        }
        if (most < 1) {
            throw new IllegalArgumentException("at least one compiler JVM, not " + most);
        }
        this.most = most;
        this.limit = limit;
        this.home = home;
        this.archive = archive;
    }

    @Override
    public Duration limit() {
        return limit;
    }

    @Override
    public Map<Path, List<String>> compile(List<Path> files, Path out, Deadline deadline) throws IOException, Stopped {
        long asked = System.nanoTime();
        Server server = take();
        deadline.postpone(System.nanoTime() - asked); // waiting for a compiler is not compiling
        boolean answered = false;
        try {
            Map<Path, List<String>> errors = server.compile(files, out, deadline.at());
            answered = true;
            return errors;
        } finally { // whatever went wrong, the JVM is replaced and a thread waiting for one wakes up
            if (answered) {
                give(server);
            } else {
                drop(server);
            }
        }
    }

    /** @return an idle compiler JVM, a fresh one if fewer than {@link #most} run, else the next one given back */
    private synchronized Server take() throws IOException {
        while (true) {
            Server s = idle.pollFirst();
            if (s != null && s.process.isAlive()) {
                return s;
            }
            if (s != null) {
                s.kill();
            } else if (alive.size() < most) { // a JVM joins alive as it starts, and leaves it when killed
                return new Server(Files.createDirectories(home.resolve("javac-" + started.incrementAndGet())));
            } else {
                try {
                    wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while waiting for the compiler", e);
                }
            }
        }
    }

    private synchronized void give(Server s) {
        idle.addFirst(s); // the warmest first
        notifyAll();
    }

    private synchronized void drop(Server s) {
        s.kill();
        notifyAll();
    }

    /** @return how many compiler JVMs were started */
    int started() {
        return started.get();
    }

    /** @return how many compilations ran with javac's pool of reused contexts */
    int reused() {
        return reused.get();
    }

    /** @return where this grader's compiler JVM writes the kept archive before it is moved into place */
    private Path writing() {
        return archive.resolveSibling(
                archive.getFileName() + "." + ProcessHandle.current().pid() + ".part");
    }

    /** Ends every compiler JVM. */
    @Override
    public void close() {
        alive.forEach(Server::end);
    }

    private String seconds() {
        return limit.toMillis() % 1000 == 0 ? limit.toSeconds() + " s" : limit.toMillis() / 1000.0 + " s";
    }

    /** One compiler JVM and its channels. */
    private final class Server {
        private final Process process;
        private final Writer requests;
        private final BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        private final ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        /** Whether this JVM writes the kept archive as it ends: then it is ended gently. */
        private boolean writesArchive;

        Server(Path folder) throws IOException {
            // C1 only: a compiler JVM lives for one class of short compiles, where C2's warm-up never pays back
            // (measured: compile time summed over 40 submissions 10.1/9.4 s with C2, 5.6/6.7 s without)
            List<String> cmd = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    HEAP,
                    "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1",
                    "-XX:+ExitOnOutOfMemoryError",
                    "-XX:-UsePerfData",
                    "-Xshare:auto",
                    ReusedContexts.EXPORT,
                    "-Djava.io.tmpdir=" + folder,
                    "-cp",
                    ChildClassPath.get(),
                    JavacServer.class.getName()));
            cmd.addAll(2, ChildHeap.FLAGS); // after the cap
            if (archive != null && Files.isRegularFile(archive)) {
                cmd.add(2, "-XX:SharedArchiveFile=" + archive);
            } else if (archive != null && archiveClaimed.compareAndSet(false, true)) { // one JVM writes it
                writesArchive = true;
                cmd.add(2, "-XX:ArchiveClassesAtExit=" + writing());
            }
            ProcessBuilder pb = new ProcessBuilder(cmd).directory(folder.toFile());
            pb.environment().clear();
            process = pb.start();
            alive.add(this);
            requests = new java.io.OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
            daemon("javac-answers", () -> readAnswers(process.getInputStream()));
            daemon("javac-stderr", () -> keepTail(process.getErrorStream()));
        }

        Map<Path, List<String>> compile(List<Path> files, Path out, long deadline) throws IOException, Stopped {
            requests.write(GSON.toJson(new JavacServer.Request(
                            files.stream()
                                    .map(p -> p.toAbsolutePath().toString())
                                    .toList(),
                            out.toAbsolutePath().toString()))
                    + "\n");
            requests.flush();
            String line;
            try {
                line = answers.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while compiling", e);
            }
            if (line == null) {
                throw new Stopped("compiling your files took longer than " + seconds() + ", the limit, and was "
                        + "stopped (is there an expression the compiler needs very long for, e.g. many nested generic "
                        + "calls or conditional expressions?)");
            }
            if (line.equals(EOF)) {
                throw new Stopped(
                        stderrText().contains("OutOfMemoryError")
                                ? "compiling your files took more than the compiler's " + HEAP.substring(4)
                                        + "B of memory and "
                                        + "was stopped (is there an expression the compiler needs very long for?)"
                                : "the compiler stopped while compiling your files");
            }
            JavacServer.Answer answer;
            try {
                answer = GSON.fromJson(line, JavacServer.Answer.class);
            } catch (JsonParseException e) {
                throw new IllegalStateException("the compiler JVM answered something unreadable", e);
            }
            if (answer.stopped()) {
                throw new Stopped(answer.failure());
            }
            if (answer.failure() != null) {
                throw new IllegalStateException(answer.failure());
            }
            if (answer.reused()) {
                reused.incrementAndGet();
            }
            Map<Path, List<String>> errors = new LinkedHashMap<>();
            answer.errors().forEach((file, messages) -> errors.put(Path.of(file), List.copyOf(messages)));
            return errors;
        }

        /** Ends the JVM; one that writes the kept archive is asked to end (its input closed) and given time to. */
        void end() {
            if (writesArchive) {
                try {
                    requests.close();
                    if (process.waitFor(ARCHIVE_SECONDS, TimeUnit.SECONDS) && Files.isRegularFile(writing())) {
                        // moved whole: another run never maps a half-written archive
                        Files.move(writing(), archive, StandardCopyOption.ATOMIC_MOVE);
                    }
                } catch (IOException e) {
                    // not kept: the next run makes it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                try {
                    Files.deleteIfExists(writing());
                } catch (IOException e) {
                    // a stray partial archive is never mapped (only the final name is)
                }
            }
            kill();
        }

        void kill() {
            alive.remove(this);
            Processes.killTree(process);
        }

        private void readAnswers(InputStream in) {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    answers.add(line);
                }
            } catch (IOException e) {
                // the process was killed: the end is said below
            }
            answers.add(EOF);
        }

        private void keepTail(InputStream in) {
            byte[] buffer = new byte[4096];
            try (in) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (stderr) {
                        if (stderr.size() > STDERR_KEPT) {
                            byte[] tail = stderr.toByteArray();
                            stderr.reset();
                            stderr.write(tail, tail.length - STDERR_KEPT / 2, STDERR_KEPT / 2);
                        }
                        stderr.write(buffer, 0, n);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        private String stderrText() {
            // the answer reader saw the end; give the stderr reader a moment to see it too
            try {
                process.waitFor(2, TimeUnit.SECONDS);
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (stderr) {
                return stderr.toString(StandardCharsets.UTF_8);
            }
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
