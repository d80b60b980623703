package cnnkit.grader.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;

/**
 * Loads a submission's compiled classes of package {@code cnn} together with the grader classes that call them.
 *
 * <p>Why a loader of its own: the hidden tests (package {@code cnnkit.hidden}) and the walkthrough's probes link
 * against {@code cnn.Convolution} &amp;c. Loading them here, child-first, makes them link against this submission's
 * classes and nothing else: {@code cnn.*} is never looked up in the parent (where the exercise stubs may sit on a
 * development class path), and classes in {@code cnnkit.hidden.support} come from the parent so that the runner
 * and the tests share one {@code CheckFailure} class. Everything else (JDK, JUnit, jqwik,
 * AssertJ, lecture data) comes from the parent. A grader class is only ever taken from the grader's own code:
 * a submission that ships, say, {@code cnnkit/hidden/ReluHiddenTest.class} never replaces the real test.
 */
public final class StudentClassLoader extends URLClassLoader {
    static {
        registerAsParallelCapable();
    }

    private static final String STUDENT_PACKAGE = "cnn.";
    private static final String SHARED_SUPPORT = "cnnkit.hidden.support.";

    private static final int GRADER_URL = 0;
    private static final int STUDENT_URL = 1;

    private final String[] linkedPrefixes;

    /**
     * @param studentClasses folder with the compiled {@code cnn/*.class} of one submission
     * @param parent         the grader's loader
     * @param linkedCode     a class from the class folder or jar that holds the linked classes (the hidden tests'
     *                       module in development, the shaded jar in use): they are only ever taken from there
     * @param linkedPrefixes package prefixes of grader classes that call {@code cnn.*} (loaded child-first)
     */
    public StudentClassLoader(Path studentClasses, ClassLoader parent, Class<?> linkedCode, String... linkedPrefixes) {
        // The grader's code first: a class the submission ships under a grader name (say a fake hidden test) is
        // never found before the real one. The grader never ships cnn classes, so cnn.* still come from the student.
        super(new URL[] {codeSource(linkedCode), url(studentClasses)}, parent);
        this.linkedPrefixes = linkedPrefixes.clone();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        boolean student = name.startsWith(STUDENT_PACKAGE);
        if (!student && !isLinked(name)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> c = findLoadedClass(name);
            if (c == null) {
                c = findClass(name); // never the parent: a missing student class is an error, not a stub
            }
            if (student && !from(c, STUDENT_URL)) {
                throw new ClassNotFoundException(name + " is not part of the submission");
            }
            if (!student && !from(c, GRADER_URL)) { // shipped by the submission under a grader name: refused
                throw new ClassNotFoundException(name + " comes from the submission, not from the grader");
            }
            if (resolve) {
                resolveClass(c);
            }
            return c;
        }
    }

    private boolean from(Class<?> c, int urlIndex) {
        return c.getProtectionDomain().getCodeSource() != null
                && c.getProtectionDomain().getCodeSource().getLocation().equals(getURLs()[urlIndex]);
    }

    private boolean isLinked(String name) {
        if (name.startsWith(SHARED_SUPPORT)) {
            return false;
        }
        for (String prefix : linkedPrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static URL url(Path p) {
        try {
            return p.toAbsolutePath().toUri().toURL();
        } catch (MalformedURLException e) {
            throw new UncheckedIOException(new IOException("bad class folder " + p, e));
        }
    }

    /** Where the linked classes are: a module's classes folder in development, the shaded jar in use. */
    private static URL codeSource(Class<?> linkedCode) {
        return linkedCode.getProtectionDomain().getCodeSource().getLocation();
    }
}
