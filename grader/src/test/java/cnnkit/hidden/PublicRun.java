package cnnkit.hidden;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import cnnkit.grader.testing.Mutant;
import cnnkit.grader.testing.Submissions;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The public tests (exercises' {@code src/test/java/cnn}) run in this JVM on the reference solutions with one known
 * mistake in them, as a student's {@code mvn test} would run them: what each failed check says, and for the checks
 * of {@code cnn.Expect}, the check's first line and the wrong result.
 */
final class PublicRun {
    /** The public tests and the given code, relative to the grader module. */
    static final Path PUBLIC_TESTS = Path.of("../exercises/src/test/java/cnn");

    static final Path GIVEN = Path.of("../exercises/src/given/java/cnn");

    /** The known mistakes' file the handout's public tests read, as the exercises module holds it. */
    static final Path KNOWN_MISTAKES = Path.of("../exercises/src/test/resources/cnn/known-mistakes.csv");

    private static final Object LOCK = new Object();
    private static Path compiled;

    /**
     * One failed public check.
     *
     * @param name    the check's display name
     * @param check   the first line of its message ({@code Expect}'s check), or of its exception
     * @param actual  the wrong result as {@code KnownMistakes.encode} writes it; null if the check had none
     * @param message the whole message, as the student reads it
     * @param thrown  what the check threw
     */
    record Failed(String name, String check, String actual, String message, Throwable thrown) {}

    private PublicRun() {}

    /**
     * Runs the public tests of the mutant's step on the reference with the mutant's mistake.
     *
     * @param withKnownMistakes whether the public tests find {@code cnn/known-mistakes.csv}, as in the handout
     */
    static List<Failed> run(Mutant mutant, boolean withKnownMistakes) {
        Path classes = mutantClasses(mutant);
        List<URL> urls = new ArrayList<>(List.of(url(classes), url(publicTests())));
        if (withKnownMistakes) {
            urls.add(url(knownMistakesOnly()));
        }
        List<Failed> failed = new ArrayList<>();
        try (URLClassLoader loader = new CnnFirst(urls.toArray(URL[]::new))) {
            Class<?> tests = loader.loadClass("cnn." + mutant.unit() + "Test");
            runIsolated(loader, tests, failed);
        } catch (IOException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return failed;
    }

    private static void runIsolated(ClassLoader loader, Class<?> tests, List<Failed> failed) {
        TestExecutionListener listener = new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                result.getThrowable().ifPresent(t -> failed.add(failed(id.getDisplayName(), t)));
            }
        };
        Throwable[] broken = new Throwable[1];
        Thread runner = new Thread(() -> {
            Launcher launcher = LauncherFactory.create();
            launcher.execute(
                    LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectClass(tests))
                            .build(),
                    listener);
        });
        runner.setUncaughtExceptionHandler((t, e) -> broken[0] = e);
        runner.setContextClassLoader(loader);
        runner.setDaemon(true);
        runner.start();
        try {
            runner.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (runner.isAlive()) {
            throw new AssertionError("the public tests of " + tests.getSimpleName() + " did not end in 60 s");
        }
        if (broken[0] != null) {
            throw new AssertionError("the public tests of " + tests.getSimpleName() + " did not run", broken[0]);
        }
    }

    private static Failed failed(String name, Throwable t) {
        String message = String.valueOf(t.getMessage());
        if (t.getClass().getName().equals("cnn.Expect$Failure")) {
            return new Failed(name, call(t, "check"), call(t, "actual"), message, t);
        }
        return new Failed(name, message.lines().findFirst().orElse(""), null, message, t);
    }

    private static String call(Object target, String method) {
        try {
            Method m = target.getClass().getDeclaredMethod(method);
            m.setAccessible(true);
            return (String) m.invoke(target);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cnn.Expect.Failure#" + method + ": " + e, e);
        }
    }

    /** A folder holding only {@code cnn/known-mistakes.csv}: the rest of the test resources registers a listener. */
    private static Path knownMistakesOnly() {
        Path folder = Submissions.freshFolder("known-mistakes");
        try {
            Files.createDirectories(folder.resolve("cnn"));
            Files.copy(KNOWN_MISTAKES, folder.resolve("cnn").resolve(KNOWN_MISTAKES.getFileName()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return folder;
    }

    /** The mutant's step compiled against the reference and the public tests. */
    private static Path mutantClasses(Mutant mutant) {
        Path source = mutant.writeSource(Submissions.freshFolder("public-run-sources/" + mutant.id()));
        return Submissions.compile(
                Submissions.freshFolder("public-run/" + mutant.id()), List.of(publicTests()), List.of(source));
    }

    /** The reference, the given code and the public tests, compiled once per JVM. */
    private static Path publicTests() {
        synchronized (LOCK) {
            if (compiled == null) {
                List<Path> sources = new ArrayList<>(Submissions.javaFiles(Submissions.SOLUTIONS));
                sources.addAll(Submissions.javaFiles(GIVEN));
                sources.addAll(Submissions.javaFiles(PUBLIC_TESTS));
                List<Path> classpath = Arrays.stream(
                                System.getProperty("java.class.path").split(File.pathSeparator))
                        .map(Path::of)
                        .toList();
                compiled = Submissions.compile(Submissions.freshFolder("public-tests"), classpath, sources);
            }
            return compiled;
        }
    }

    private static URL url(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads package {@code cnn} from its own folders first (the mutant's class before the reference's). */
    private static final class CnnFirst extends URLClassLoader {
        CnnFirst(URL[] urls) {
            super(urls, PublicRun.class.getClassLoader());
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("cnn.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }
    }
}
