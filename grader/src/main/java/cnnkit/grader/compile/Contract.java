package cnnkit.grader.compile;

import cnnkit.lecture.Step;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * The signatures a step's class must offer: every public static method of its exercise stub, with the same name,
 * parameter types and return type. Read from compiled classes with ASM, so the student's class is never loaded (and
 * none of its code runs) in the grader's JVM.
 */
public final class Contract {
    private static final int PUBLIC_STATIC = Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC;

    /**
     * Part 2's backward passes (issue 15) live in the same classes but are not Part 1's contract: a Part 1
     * submission need not have them. They are left out of the required signatures by name (no Part 1 method has
     * one of these names).
     */
    static final Set<String> PART_2_METHODS = Set.of(
            "imageGradient",
            "detectorGradient",
            "inputGradient",
            "filterGradient",
            "biasGradient",
            "backward",
            "unflatten",
            "weightGradient");

    /** Per step: method name + descriptor to the signature as a student reads it. */
    private final Map<Step, Map<String, String>> required;

    private Contract(Map<Step, Map<String, String>> required) {
        this.required = required;
    }

    /**
     * @param stubClasses a folder with the compiled stubs of all steps
     * @return the contract the stubs define
     * @throws IOException if a stub class cannot be read
     */
    static Contract fromStubs(Path stubClasses) throws IOException {
        Map<Step, Map<String, String>> required = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            Map<String, String> methods =
                    publicStaticMethods(classFile(stubClasses, step)).orElseThrow();
            methods.keySet().removeIf(key -> PART_2_METHODS.contains(key.substring(0, key.indexOf('('))));
            required.put(step, methods);
        }
        return new Contract(required);
    }

    /**
     * @param classes the compiled classes of a submission
     * @param step    a step whose class was compiled there
     * @return what is missing, one line each, e.g. "public static double[] apply(double[] scores)"; empty if none
     * @throws IOException if the class file cannot be read
     */
    List<String> missing(Path classes, Step step) throws IOException {
        var found = publicStaticMethods(classFile(classes, step));
        if (found.isEmpty()) {
            return List.of("a public class " + step.className() + " (found no public class of that name)");
        }
        List<String> missing = new ArrayList<>();
        required.get(step).forEach((key, signature) -> {
            if (!found.get().containsKey(key)) {
                missing.add(signature);
            }
        });
        return missing;
    }

    private static Path classFile(Path classes, Step step) {
        return classes.resolve("cnn").resolve(step.className() + ".class");
    }

    /** @return the public static methods of a public class, or empty if the class is missing or not public */
    private static java.util.Optional<Map<String, String>> publicStaticMethods(Path classFile) throws IOException {
        if (!Files.isRegularFile(classFile)) {
            return java.util.Optional.empty();
        }
        Map<String, String> methods = new LinkedHashMap<>();
        boolean[] isPublic = {false};
        new ClassReader(Files.readAllBytes(classFile))
                .accept(
                        new ClassVisitor(Opcodes.ASM9) {
                            @Override
                            public void visit(
                                    int version,
                                    int access,
                                    String name,
                                    String signature,
                                    String superName,
                                    String[] interfaces) {
                                isPublic[0] = (access & Opcodes.ACC_PUBLIC) != 0;
                            }

                            @Override
                            public MethodVisitor visitMethod(
                                    int access, String name, String descriptor, String signature, String[] exceptions) {
                                if ((access & PUBLIC_STATIC) == PUBLIC_STATIC && !name.startsWith("<")) {
                                    methods.put(name + descriptor, readable(name, descriptor));
                                }
                                return null;
                            }
                        },
                        ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return isPublic[0] ? java.util.Optional.of(methods) : java.util.Optional.empty();
    }

    /** e.g. {@code public static double[][] convolve(double[][], double[][])}. */
    private static String readable(String name, String descriptor) {
        List<String> params = new ArrayList<>();
        for (Type t : Type.getArgumentTypes(descriptor)) {
            params.add(t.getClassName());
        }
        return "public static " + Type.getReturnType(descriptor).getClassName() + " " + name + "("
                + String.join(", ", params) + ")";
    }
}
