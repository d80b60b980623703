package cnnkit.grader.check;

import cnnkit.grader.check.ClassFacts.MethodFacts;
import cnnkit.grader.check.ClassFacts.Problem;
import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;

/**
 * The grader's first line of defence: a static check of a submission's compiled classes before any of its code
 * runs. Every class, method and field that the student's code refers to must be the student's own (package
 * {@code cnn}) or on the {@linkplain Allowlist allowlist} of JDK members a CNN step needs. So {@code System.exit},
 * threads, files, sockets, processes, environment variables, reflection, stack traces and native code are refused
 * before they can do anything, and the student reads where and why, e.g.
 * {@code Convolution.java, method convolve, line 12: calls System.exit — not allowed in a graded step (ends the
 * whole grading process)}.
 *
 * <p>Every method of every class is judged, whether or not the check can see who calls it: the JVM runs code the
 * class file does not show being called (static initialisers of superinterfaces, methods inherited from a superclass
 * and called by the JDK, {@code toString} in a string concatenation). A violation costs every step whose class can
 * load the offending class: the step's class, every class of the submission its class file names (superclass,
 * interfaces, nested classes, field, parameter and array types, code), and theirs, transitively. A class that no
 * step's class names, directly or through others, can never be loaded while a step is graded and costs nothing.
 * Another step's class is not followed: it is judged as that step, and a step that fails the check is replaced by
 * its stub before anything runs.
 *
 * <p>What this check cannot see is what code does with allowed members: an endless loop, a huge array, deep
 * recursion or printing without end. Those are stopped by the worker JVM's limits.
 */
public final class BytecodeCheck {
    private static final String OWN_PACKAGE = "cnn/";

    private final Allowlist allowlist = Allowlist.standard();
    /** The submission's classes by internal name, sorted for a deterministic report. */
    private final Map<String, ClassFacts> classes = new TreeMap<>();

    private BytecodeCheck() {}

    /**
     * Checks the compiled classes of one submission.
     *
     * @param classesDir the folder javac wrote the submission's classes to
     * @return for every step, the violations in the classes it can load (an empty list when there are none), each a
     *     sentence naming the source file, method and line
     * @throws IOException if a class file cannot be read
     */
    public static Map<Step, List<String>> check(Path classesDir) throws IOException {
        BytecodeCheck check = new BytecodeCheck();
        check.read(classesDir);
        Map<Step, List<String>> report = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            report.put(step, List.copyOf(check.violationsOf(step)));
        }
        return report;
    }

    private void read(Path classesDir) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(classesDir)) {
            files = walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        Map<String, Set<String>> named = new HashMap<>();
        for (Path file : files) {
            ClassFacts facts = new ClassFacts(classesDir.relativize(file).toString());
            try {
                ClassReader reader = new ClassReader(Files.readAllBytes(file));
                reader.accept(new FactsReader(facts), 0);
                named.put(facts.name, ConstantPool.names(reader));
            } catch (RuntimeException e) { // ASM throws unchecked exceptions on malformed class files
                facts.name = facts.path.replace('\\', '/').replaceAll("\\.class$", "");
                facts.problems.add(new Problem(null, -1, "is not a valid class file", null));
            }
            classes.put(facts.name, facts);
        }
        for (ClassFacts c : classes.values()) { // judged once all are read: a reference may be to a later class
            for (String name : named.getOrDefault(c.name, Set.of())) {
                if (!name.equals(c.name) && classes.containsKey(name)) {
                    c.references.add(name);
                }
            }
            judgeClass(c);
            for (MethodFacts m : c.methods.values()) {
                m.uses.forEach(use -> judge(m, use.ref(), use.line()));
            }
        }
    }

    /** The problems of every class the step's class can load, and of classes outside package cnn it is blamed for. */
    private Set<String> violationsOf(Step step) {
        Set<String> found = new LinkedHashSet<>();
        for (ClassFacts c : classes.values()) {
            if (!c.name.startsWith(OWN_PACKAGE) && belongsTo(c, step)) {
                found.add(sentence(
                        c,
                        new Problem(
                                null,
                                -1,
                                "declares class " + dotted(c.name) + " outside package cnn",
                                "only package cnn is graded; other packages could pose as the grader")));
            }
        }
        String entry = OWN_PACKAGE + step.className();
        if (!classes.containsKey(entry)) {
            return found;
        }
        Set<String> otherSteps = new HashSet<>();
        for (Step other : Step.values()) {
            otherSteps.add(OWN_PACKAGE + other.className());
        }
        otherSteps.remove(entry);
        Set<String> loadable = new TreeSet<>(List.of(entry));
        Deque<String> todo = new ArrayDeque<>(loadable);
        while (!todo.isEmpty()) {
            for (String next : classes.get(todo.poll()).references) {
                if (!otherSteps.contains(next) && loadable.add(next)) {
                    todo.add(next);
                }
            }
        }
        for (String name : loadable) {
            ClassFacts c = classes.get(name);
            c.problems.forEach(p -> found.add(sentence(c, p)));
            for (MethodFacts m : c.methods.values()) {
                m.problems.forEach(p -> found.add(sentence(c, p)));
            }
        }
        return found;
    }

    /** A class outside package cnn is blamed on the step whose file declares it, or on every step if none does. */
    private static boolean belongsTo(ClassFacts c, Step step) {
        boolean someStep = c.sourceFile != null
                && Step.byName(c.sourceFile.replaceAll("\\.java$", "")).isPresent();
        return !someStep || step.sourceFile().equals(c.sourceFile);
    }

    /**
     * Decides one reference found in the submission's code. A member of the submission's own class is the student's
     * code (judged where it is declared), unless the class inherits it from the JDK: then it is the JDK's member.
     */
    private void judge(MethodFacts m, Ref ref, int line) {
        if (ref.owner().startsWith("[")) { // an array: clone(), length and Object's methods, or an array type
            String element = elementType(ref.owner());
            if (element == null || ref.name() != null) {
                return;
            }
            ref = ref.withOwner(element);
        }
        judgeNormalized(m, ref, line);
    }

    private void judgeNormalized(MethodFacts m, Ref ref, int line) {
        String owner = ref.owner();
        Optional<String> refusal;
        if (classes.containsKey(owner)) {
            refusal = ref.name() == null || declaredInSubmission(owner, ref)
                    ? Optional.empty()
                    : allowlist.inherited(jdkSupertypes(owner), ref.name(), ref.desc());
        } else {
            refusal = ref.name() == null ? allowlist.type(owner) : allowlist.use(owner, ref.name(), ref.desc());
        }
        refusal.ifPresent(why -> m.problems.add(new Problem(m, line, ref.describe(displayName(owner)), why)));
    }

    /** Whether the member is declared by the class or one of its supertypes that the submission contains. */
    private boolean declaredInSubmission(String owner, Ref ref) {
        if (ref.kind() == Ref.Kind.CONSTRUCTOR) {
            return true; // a constructor is never inherited
        }
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(owner));
        while (!todo.isEmpty()) {
            ClassFacts c = classes.get(todo.poll());
            if (c == null || !seen.add(c.name)) {
                continue;
            }
            if (ref.isField() ? c.fields.contains(ref.name()) : c.methods.containsKey(ref.name() + ref.desc())) {
                return true;
            }
            if (c.superName != null) {
                todo.add(c.superName);
            }
            todo.addAll(List.of(c.interfaces));
        }
        return false;
    }

    /** The JDK classes and interfaces a class of the submission inherits members from, its superclass's first. */
    private List<String> jdkSupertypes(String owner) {
        Set<String> found = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(owner));
        while (!todo.isEmpty()) {
            String t = todo.poll();
            ClassFacts c = classes.get(t);
            if (c == null) {
                found.add(t);
            } else if (seen.add(t)) {
                if (c.superName != null) {
                    todo.add(c.superName);
                }
                todo.addAll(List.of(c.interfaces));
            }
        }
        return List.copyOf(found);
    }

    /** Class-level facts: what the class extends and implements, and what it declares. */
    private void judgeClass(ClassFacts c) {
        List<String> supertypes = new ArrayList<>();
        if (c.superName != null) {
            supertypes.add(c.superName);
        }
        supertypes.addAll(List.of(c.interfaces));
        for (String t : supertypes) {
            if (!t.startsWith(OWN_PACKAGE)) {
                allowlist
                        .type(t)
                        .ifPresent(r -> c.problems.add(new Problem(
                                null, -1, (t.equals(c.superName) ? "extends " : "implements ") + displayName(t), r)));
            }
        }
    }

    private String sentence(ClassFacts c, Problem p) {
        StringBuilder s = new StringBuilder(c.sourceFile != null ? c.sourceFile : c.path);
        if (c.sourceFile != null && !c.sourceFile.equals(simpleName(c.name) + ".java")) {
            s.append(" (class ").append(simpleName(c.name)).append(')');
        }
        if (p.method() != null) {
            s.append(", ").append(p.method().describe());
        }
        if (p.line() > 0) {
            s.append(", line ").append(p.line());
        }
        s.append(": ").append(p.what()).append(" — not allowed in a graded step");
        if (p.why() != null) {
            s.append(" (").append(p.why()).append(')');
        }
        return s.toString();
    }

    private static String elementType(String arrayDescriptor) {
        String d = arrayDescriptor.replaceAll("^\\[+", "");
        return d.startsWith("L") ? d.substring(1, d.length() - 1) : null;
    }

    static String dotted(String internalName) {
        return internalName.replace('/', '.').replace('$', '.');
    }

    /** {@code java/lang/System} and {@code cnn/Relu} read as {@code System} and {@code Relu}; others keep their package. */
    static String displayName(String internalName) {
        String d = dotted(internalName);
        for (String familiar : List.of("java.lang.", "cnn.")) {
            if (d.startsWith(familiar) && d.indexOf('.', familiar.length()) < 0) {
                return d.substring(familiar.length());
            }
        }
        return d;
    }

    private static String simpleName(String internalName) {
        return internalName.substring(internalName.lastIndexOf('/') + 1);
    }
}
