package cnnkit.grader.check;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.objectweb.asm.Type;

/**
 * The JDK classes and members a graded step may use, read from {@code cnnkit/allowlist.txt} (the file explains its
 * syntax and, entry by entry, why). Everything not allowed there is refused: an allowlist fails safe when the JDK
 * grows.
 *
 * <p>A member is judged three times, and all three must agree to allow it:
 * <ol>
 *   <li>a refusal of the member in any JDK supertype of the class it is used through refuses it: refusing
 *       {@code Throwable#getStackTrace} refuses it for every exception, {@code BaseStream#parallel} for every stream;
 *   <li>the class it is used through must allow it (from the most specific entry to the least: a parameter list,
 *       the member, the class, the package);
 *   <li>so must the class that declares it, where the JVM finds the code that runs ({@link JdkTypes#declaring}),
 *       unless that class is one the JDK keeps to itself (e.g. {@code AbstractStringBuilder} behind
 *       {@code StringBuilder}).
 * </ol>
 * The list is read once per run.
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

    private Allowlist() {}

    /** @return the allowlist shipped with the grader, read on first use */
    static Allowlist standard() {
        return Standard.LIST;
    }

    /** Holder: the shipped list is read once, when first needed, and shared by every check of the run. */
    private static final class Standard {
        static final Allowlist LIST = read();

        private static Allowlist read() {
            try (InputStream in = Allowlist.class.getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is missing from the grader");
                }
                return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    static Allowlist parse(BufferedReader reader) throws IOException {
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
     * Judges a member of the JDK used through a class of the JDK.
     *
     * @param owner the class the code names, in internal form, e.g. {@code java/lang/RuntimeException}
     * @param name  the method or field name
     * @param desc  the method descriptor, or {@code ""} for a field
     * @return empty if allowed, else the reason it is refused
     */
    Optional<String> use(String owner, String name, String desc) {
        String params = desc.isEmpty() ? null : parameters(desc);
        Optional<String> refusal = refusedAbove(List.of(owner), name, params);
        if (refusal.isPresent()) {
            return refusal;
        }
        Optional<String> verdict = member(owner, name, params);
        if (verdict.isPresent()) {
            return verdict;
        }
        String declaring = JdkTypes.declaring(owner, name, desc);
        return declaring == null || declaring.equals(owner) || !JdkTypes.isPublic(declaring)
                ? Optional.empty()
                : member(declaring, name, params);
    }

    /**
     * Judges a member a class of the submission inherits from the JDK (it declares no such member itself).
     *
     * @param jdkSupertypes the nearest JDK supertypes of the submission's class, its superclass's first
     * @return empty if allowed, else the reason it is refused
     */
    Optional<String> inherited(List<String> jdkSupertypes, String name, String desc) {
        Optional<String> refusal = refusedAbove(jdkSupertypes, name, desc.isEmpty() ? null : parameters(desc));
        if (refusal.isPresent()) {
            return refusal;
        }
        for (String t : jdkSupertypes) {
            if (JdkTypes.declaring(t, name, desc) != null) {
                return use(t, name, desc);
            }
        }
        return jdkSupertypes.isEmpty() ? Optional.of(NOT_LISTED) : use(jdkSupertypes.get(0), name, desc);
    }

    /** A refusal of the member by any JDK supertype of the given classes (an allowed parameter list excepted). */
    private Optional<String> refusedAbove(List<String> owners, String name, String params) {
        for (String owner : owners) {
            for (String t : JdkTypes.supertypes(owner)) {
                String key = dotted(t) + "#" + name;
                if (params != null && refused.containsKey(key + params)) {
                    return Optional.of(refused.get(key + params));
                }
                if (params != null && allowed.contains(key + params)) {
                    break;
                }
                if (refused.containsKey(key)) {
                    return Optional.of(refused.get(key));
                }
            }
        }
        return Optional.empty();
    }

    /** The verdict of one class's own entries on a member, from the most specific entry to the least. */
    private Optional<String> member(String owner, String name, String params) {
        String key = dotted(owner) + "#" + name;
        if (params != null && refused.containsKey(key + params)) {
            return Optional.of(refused.get(key + params));
        }
        if (params != null && allowed.contains(key + params)) {
            return Optional.empty();
        }
        if (refused.containsKey(key)) {
            return Optional.of(refused.get(key));
        }
        if (allowed.contains(key)) {
            return Optional.empty();
        }
        return type(owner, false);
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

    static boolean isJdk(String cls) {
        return cls.startsWith("java.")
                || cls.startsWith("javax.")
                || cls.startsWith("jdk.")
                || cls.startsWith("sun.")
                || cls.startsWith("com.sun.");
    }

    /** {@code (Ljava/io/PrintStream;)V} reads as {@code (java.io.PrintStream)}, as in the list's entries. */
    private static String parameters(String desc) {
        StringJoiner joined = new StringJoiner(",", "(", ")");
        for (Type t : Type.getArgumentTypes(desc)) {
            joined.add(t.getClassName());
        }
        return joined.toString();
    }

    private static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
