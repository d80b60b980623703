package cnnkit.grader.check;

import cnnkit.lecture.Step;
import cnnkit.grader.check.ClassFacts.MethodFacts;
import cnnkit.grader.check.ClassFacts.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.Opcodes;

/**
 * The grader's first line of defence: a static check of a submission's compiled classes before any of its code
 * runs. Every class, method and field that the student's code refers to must be the student's own (package
 * {@code cnn}) or on the {@linkplain Allowlist allowlist} of JDK members a CNN step needs. So {@code System.exit},
 * threads, files, sockets, processes, environment variables, reflection and native code are refused before they
 * can do anything, and the student reads where and why, e.g.
 * {@code Convolution.java, method convolve, line 12: calls System.exit — not allowed in a graded step (ends the
 * whole grading process)}.
 *
 * <p>A violation costs only the steps that can reach it: the step's class and the helper classes and methods it
 * calls, transitively. Code that no step can reach (a {@code main} method for trying things out, a class of the
 * student's own that no step uses) is not graded and not refused.
 *
 * <p>What this check cannot see is what code does with allowed members: an endless loop, a huge array, deep
 * recursion or printing without end. Those are stopped by the worker JVM's limits.
 */
public final class BytecodeCheck {
    private static final String OWN_PACKAGE = "cnn/";
    private static final String MAIN = "main([Ljava/lang/String;)V";
    private static final String CLINIT = "<clinit>()V";

    private final Allowlist allowlist = Allowlist.standard();
    /** The submission's classes by internal name, sorted for a deterministic report. */
    private final Map<String, ClassFacts> classes = new TreeMap<>();

    private BytecodeCheck() {
    }

    /**
     * Checks the compiled classes of one submission.
     *
     * @param classesDir the folder javac wrote the submission's classes to
     * @return for every step, the violations its code can reach (an empty list when there are none), each a sentence
     *     naming the source file, method and line
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
            files = walk.filter(p -> p.toString().endsWith(".class") && Files.isRegularFile(p)).sorted().toList();
        }
        for (Path file : files) {
            ClassFacts facts = new ClassFacts(classesDir.relativize(file).toString());
            try {
                new ClassReader(Files.readAllBytes(file)).accept(new FactsReader(facts), 0);
            } catch (RuntimeException e) { // ASM throws unchecked exceptions on malformed class files
                facts.name = facts.path.replace('\\', '/').replaceAll("\\.class$", "");
                facts.problems.add(new Problem(null, -1, "is not a valid class file", null));
            }
            classes.put(facts.name, facts);
        }
        for (ClassFacts c : classes.values()) { // judged once all are read: a reference may be to a later class
            judgeClass(c);
            for (MethodFacts m : c.methods.values()) {
                m.uses.forEach(use -> judge(m, use.ref(), use.line()));
            }
        }
    }

    /** Walks from the step's entry points through the submission's own code and collects what it reaches. */
    private Set<String> violationsOf(Step step) {
        Set<String> found = new LinkedHashSet<>();
        for (ClassFacts c : classes.values()) {
            if (!c.name.startsWith(OWN_PACKAGE) && belongsTo(c, step)) {
                found.add(sentence(c, new Problem(null, -1, "declares class " + dotted(c.name)
                    + " outside package cnn", "only package cnn is graded; other packages could pose as the grader")));
            }
        }
        ClassFacts entry = classes.get(OWN_PACKAGE + step.className());
        if (entry == null) {
            return found;
        }
        Reach reach = new Reach();
        reach.reachClass(entry.name);
        for (MethodFacts m : entry.methods.values()) {
            if ((m.access & Opcodes.ACC_PRIVATE) == 0 && !m.key().equals(MAIN)) {
                reach.reachMethod(entry.name, m.key());
            }
        }
        reach.run();
        for (ClassFacts c : classes.values()) {
            if (reach.classes.contains(c.name)) {
                c.problems.forEach(p -> found.add(sentence(c, p)));
            }
            for (MethodFacts m : c.methods.values()) {
                if (reach.methods.contains(c.name + "." + m.key())) {
                    m.problems.forEach(p -> found.add(sentence(c, p)));
                }
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

    /** Breadth-first reachability over the submission's own methods, resolving references as the JVM would. */
    private final class Reach {
        final Set<String> classes = new HashSet<>();
        final Set<String> methods = new HashSet<>();
        private final Deque<String[]> todo = new ArrayDeque<>();

        void reachClass(String name) {
            ClassFacts c = BytecodeCheck.this.classes.get(name);
            if (c == null || !classes.add(name)) {
                return;
            }
            reachMethod(name, CLINIT);
            if (c.superName != null) {
                reachClass(c.superName);
            }
        }

        void reachMethod(String owner, String key) {
            ClassFacts c = BytecodeCheck.this.classes.get(owner);
            if (c != null && c.methods.containsKey(key) && methods.add(owner + "." + key)) {
                reachClass(owner);
                todo.add(new String[] {owner, key});
            }
        }

        void run() {
            while (!todo.isEmpty()) {
                String[] next = todo.poll();
                MethodFacts m = BytecodeCheck.this.classes.get(next[0]).methods.get(next[1]);
                for (Ref ref : m.ownRefs) {
                    follow(ref);
                }
            }
        }

        private void follow(Ref ref) {
            reachClass(ref.owner());
            if (ref.kind() == Ref.Kind.NEW) { // the JDK may call any instance method of an object it is handed
                BytecodeCheck.this.classes.get(ref.owner()).methods.values().stream()
                    .filter(m -> (m.access & Opcodes.ACC_STATIC) == 0)
                    .forEach(m -> reachMethod(ref.owner(), m.key()));
            } else if (ref.isCall()) {
                String key = ref.name() + ref.desc();
                for (String c = ref.owner(); c != null; c = superOf(c)) {
                    reachMethod(c, key);
                }
                if (ref.virtual()) { // any override in the submission may be the one that runs
                    BytecodeCheck.this.classes.keySet().forEach(c -> reachMethod(c, key));
                }
            }
        }
    }

    private String superOf(String name) {
        ClassFacts c = classes.get(name);
        return c == null ? null : c.superName;
    }

    /**
     * Decides one reference found in the submission's code; references to the submission's own classes are
     * kept for {@link Reach}, unless they name a member the class inherits from the JDK, which is checked there.
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
        if (owner.startsWith(OWN_PACKAGE) && classes.containsKey(owner)) {
            m.ownRefs.add(ref);
            if (ref.name() != null && !declaredInSubmission(owner, ref)) {
                inherited(owner, ref.name()).ifPresent(why ->
                    m.problems.add(new Problem(m, line, ref.describe(displayName(owner)), why)));
            }
            return;
        }
        (ref.name() == null ? allowlist.type(owner) : allowlist.member(owner, ref.name()))
            .ifPresent(why -> m.problems.add(new Problem(m, line, ref.describe(displayName(owner)), why)));
    }

    /**
     * A member the submission's class does not declare comes from its JDK supertypes: refused if one of them refuses
     * it by name ({@code wait} of {@code Object}), allowed if one of them allows it.
     */
    private Optional<String> inherited(String owner, String member) {
        boolean allowed = false;
        Optional<String> refusal = Optional.empty();
        for (String t : jdkSupertypes(owner)) {
            if (allowlist.refusesMember(t, member)) {
                return allowlist.member(t, member);
            }
            Optional<String> verdict = allowlist.member(t, member);
            allowed |= verdict.isEmpty();
            refusal = refusal.or(() -> verdict);
        }
        return allowed ? Optional.empty() : refusal;
    }

    private boolean declaredInSubmission(String owner, Ref ref) {
        for (String c = owner; c != null && classes.containsKey(c); c = superOf(c)) {
            ClassFacts facts = classes.get(c);
            if (ref.isField() ? facts.fields.contains(ref.name())
                : facts.methods.containsKey(ref.name() + ref.desc())) {
                return true;
            }
        }
        return false;
    }

    /** The JDK classes and interfaces a class of the submission inherits members from. */
    private List<String> jdkSupertypes(String owner) {
        List<String> found = new ArrayList<>();
        Deque<String> todo = new ArrayDeque<>(List.of(owner));
        while (!todo.isEmpty()) {
            String t = todo.poll();
            ClassFacts c = classes.get(t);
            if (c == null) {
                found.add(t);
            } else {
                if (c.superName != null) {
                    todo.add(c.superName);
                }
                todo.addAll(List.of(c.interfaces));
            }
        }
        return found;
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
                allowlist.type(t).ifPresent(r -> c.problems.add(new Problem(null, -1,
                    (t.equals(c.superName) ? "extends " : "implements ") + displayName(t), r)));
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
