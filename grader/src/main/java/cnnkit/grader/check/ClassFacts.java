package cnnkit.grader.check;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What {@link BytecodeCheck} learnt about one class file: its place in the hierarchy, its members, its problems. */
final class ClassFacts {
    final String path;
    String name;
    String superName;
    String[] interfaces = new String[0];
    String sourceFile;
    final Map<String, MethodFacts> methods = new LinkedHashMap<>();
    final Set<String> fields = new HashSet<>();
    /** The other classes of the submission this class's file names: what loading or running it can load. */
    final Set<String> references = new HashSet<>();
    /** Problems of the class itself (what it extends, native methods): they count as soon as a step can load it. */
    final List<Problem> problems = new ArrayList<>();

    ClassFacts(String path) {
        this.path = path;
    }

    /** One method: what it refers to, and the forbidden things it does. */
    static final class MethodFacts {
        final String name;
        final String desc;
        final int access;
        /** Everything the method refers to, with its source line (-1 if unknown), in code order. */
        final List<Use> uses = new ArrayList<>();

        final List<Problem> problems = new ArrayList<>();

        MethodFacts(String name, String desc, int access) {
            this.name = name;
            this.desc = desc;
            this.access = access;
        }

        String key() {
            return name + desc;
        }

        /** @return e.g. "method convolve", "static initialiser", "a lambda in method convolve" */
        String describe() {
            if (name.equals("<clinit>")) {
                return "static initialiser";
            }
            if (name.equals("<init>")) {
                return "constructor";
            }
            if (name.startsWith("lambda$")) {
                String[] parts = name.split("\\$");
                return parts.length > 1 && !parts[1].equals("static") && !parts[1].equals("new")
                        ? "a lambda in method " + parts[1]
                        : "a lambda";
            }
            return "method " + name;
        }
    }

    /** A reference and the source line it is on. */
    record Use(Ref ref, int line) {}

    /**
     * A forbidden thing found in the code.
     *
     * @param method where, or {@code null} for the class itself
     * @param line   source line, or -1 if unknown
     * @param what   what the code does, e.g. "calls System.exit"
     * @param why    why that is refused, or {@code null}
     */
    record Problem(MethodFacts method, int line, String what, String why) {}
}
