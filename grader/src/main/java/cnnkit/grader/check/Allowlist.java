package cnnkit.grader.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The JDK classes and members a graded step may use, read from {@code cnnkit/allowlist.txt} (the file explains its
 * syntax and, entry by entry, why). Everything not allowed there is refused: an allowlist fails safe when the JDK
 * grows.
 *
 * <p>Lookup goes from the most specific entry to the least: a refused member, an allowed member, a refused class,
 * an allowed class, a refused package, an allowed package, and finally "not on the list".
 */
final class Allowlist {
    static final String RESOURCE = "/cnnkit/allowlist.txt";
    private static final String NOT_LISTED = "not on the list of JDK classes a CNN step needs";
    private static final String NOT_JDK = "only the JDK and your own package cnn may be used";

    private final Set<String> allowed = new HashSet<>();
    /** Refused entry to the reason shown to the student. */
    private final Map<String, String> refused = new HashMap<>();
    /** Classes with at least one allowed member: naming such a type (a cast, a catch) is harmless. */
    private final Set<String> partlyAllowed = new HashSet<>();

    private Allowlist() {
    }

    /** @return the allowlist shipped with the grader */
    static Allowlist standard() {
        try (InputStream in = Allowlist.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the grader");
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Allowlist parse(BufferedReader reader) throws IOException {
        Allowlist list = new Allowlist();
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("-")) {
                String[] parts = line.substring(1).split("\\s+", 2);
                list.refused.put(parts[0], parts.length > 1 ? parts[1] : NOT_LISTED);
            } else {
                list.allowed.add(line);
                int hash = line.indexOf('#');
                if (hash > 0) {
                    list.partlyAllowed.add(line.substring(0, hash));
                }
            }
        }
        return list;
    }

    /**
     * @param owner  a class in internal form, e.g. {@code java/lang/System}
     * @param member a method or field name
     * @return empty if allowed, else the reason it is refused
     */
    Optional<String> member(String owner, String member) {
        String cls = dotted(owner);
        String key = cls + "#" + member;
        if (refused.containsKey(key)) {
            return Optional.of(refused.get(key));
        }
        if (allowed.contains(key)) {
            return Optional.empty();
        }
        return type(owner, false);
    }

    /** @return whether the member is refused by an entry of its own (not merely unlisted) */
    boolean refusesMember(String owner, String member) {
        return refused.containsKey(dotted(owner) + "#" + member);
    }

    /**
     * @param owner a class in internal form
     * @return empty if code may name this type (create, cast, catch, extend it), else the reason it is refused
     */
    Optional<String> type(String owner) {
        return type(owner, true);
    }

    private Optional<String> type(String owner, boolean partlyIsEnough) {
        String cls = dotted(owner);
        if (refused.containsKey(cls)) {
            return Optional.of(refused.get(cls));
        }
        if (allowed.contains(cls) || partlyIsEnough && partlyAllowed.contains(cls)) {
            return Optional.empty();
        }
        String pkg = cls.lastIndexOf('.') < 0 ? "" : cls.substring(0, cls.lastIndexOf('.')) + ".*";
        if (refused.containsKey(pkg)) {
            return Optional.of(refused.get(pkg));
        }
        if (allowed.contains(pkg)) {
            return Optional.empty();
        }
        return Optional.of(isJdk(cls) ? NOT_LISTED : NOT_JDK);
    }

    private static boolean isJdk(String cls) {
        return cls.startsWith("java.") || cls.startsWith("javax.") || cls.startsWith("jdk.")
            || cls.startsWith("sun.") || cls.startsWith("com.sun.");
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
