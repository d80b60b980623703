package cnnkit.grader.check;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.Type;

/**
 * The JDK's class hierarchy as the JVM resolves members through it, so that a member is judged where it is declared:
 * {@code new RuntimeException().getStackTrace()} names {@code RuntimeException} in the class file, but the code that
 * runs is {@code Throwable.getStackTrace}, and that is the entry the allowlist must be asked about.
 *
 * <p>The grader's own JDK is the one the submission runs on, so its classes are looked up by reflection, through the
 * platform class loader (never the grader's class path) and without initialising them: no JDK code runs. What is
 * learnt is kept for the whole run; the JDK does not change while the grader runs.
 */
final class JdkTypes {
    /** What one JDK class declares; {@code MISSING} for a name the JDK does not have. */
    private record Info(
            boolean found,
            boolean isPublic,
            boolean isInterface,
            String superName,
            List<String> interfaces,
            Set<String> methods,
            Set<String> fields) {
        static final Info MISSING = new Info(false, false, false, null, List.of(), Set.of(), Set.of());
    }

    private static final Map<String, Info> INFO = new ConcurrentHashMap<>();
    private static final Map<String, List<String>> SUPERTYPES = new ConcurrentHashMap<>();
    private static final String OBJECT = "java/lang/Object";

    private JdkTypes() {}

    /**
     * @param internalName a class in internal form, e.g. {@code java/util/ArrayList}
     * @return the class and all its JDK supertypes (classes and interfaces), the class first; only the class itself
     *     if the JDK does not have it
     */
    static List<String> supertypes(String internalName) {
        return SUPERTYPES.computeIfAbsent(internalName, name -> {
            Set<String> found = new LinkedHashSet<>();
            Deque<String> todo = new ArrayDeque<>(List.of(name));
            while (!todo.isEmpty()) {
                String t = todo.poll();
                if (found.add(t)) {
                    Info info = info(t);
                    if (info.superName() != null) {
                        todo.add(info.superName());
                    }
                    todo.addAll(info.interfaces());
                }
            }
            return List.copyOf(found);
        });
    }

    /**
     * The class whose member the JVM runs for a reference through {@code owner} (JVMS 5.4.3.2 to 5.4.3.4): the owner
     * itself, then its superclasses, then its superinterfaces; for an interface, {@code Object}'s methods come right
     * after the interface itself. Constructors are always declared by their owner.
     *
     * @param owner a JDK class in internal form
     * @param name  the member's name
     * @param desc  the method descriptor, or {@code ""} for a field
     * @return the declaring class, or {@code null} if none is found (an unknown class or member)
     */
    static String declaring(String owner, String name, String desc) {
        if (name.equals("<init>")) {
            return owner;
        }
        boolean field = desc.isEmpty();
        String key = name + desc;
        Info info = info(owner);
        if (!field && info.isInterface()) {
            if (info.methods().contains(key)) {
                return owner;
            }
            if (info(OBJECT).methods().contains(key)) {
                return OBJECT;
            }
        } else {
            for (String c = owner; c != null; c = info(c).superName()) {
                if (declares(info(c), key, field)) {
                    return c;
                }
                if (field) { // a field of an interface the class implements comes before one of the superclass
                    for (String i : interfacesOf(c)) {
                        if (declares(info(i), key, true)) {
                            return i;
                        }
                    }
                }
            }
        }
        for (String i : interfacesOf(owner)) {
            if (declares(info(i), key, field)) {
                return i;
            }
        }
        return null;
    }

    /** @return whether code outside the JDK can name the class (a public class, not one the JDK keeps to itself) */
    static boolean isPublic(String internalName) {
        return info(internalName).isPublic();
    }

    private static boolean declares(Info info, String key, boolean field) {
        return field ? info.fields().contains(key) : info.methods().contains(key);
    }

    /** All superinterfaces of a class or interface, nearest first. */
    private static List<String> interfacesOf(String internalName) {
        List<String> found = new ArrayList<>();
        for (String t : supertypes(internalName)) {
            if (!t.equals(internalName) && info(t).isInterface()) {
                found.add(t);
            }
        }
        return found;
    }

    private static Info info(String internalName) {
        return INFO.computeIfAbsent(internalName, JdkTypes::load);
    }

    private static Info load(String internalName) {
        Class<?> c;
        try {
            c = Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Info.MISSING;
        }
        Set<String> methods = new HashSet<>();
        for (Method m : c.getDeclaredMethods()) {
            methods.add(m.getName() + Type.getMethodDescriptor(m));
        }
        Set<String> fields = new HashSet<>();
        for (Field f : c.getDeclaredFields()) {
            fields.add(f.getName());
        }
        List<String> interfaces = new ArrayList<>();
        for (Class<?> i : c.getInterfaces()) {
            interfaces.add(Type.getInternalName(i));
        }
        Class<?> superclass = c.getSuperclass();
        return new Info(
                true,
                Modifier.isPublic(c.getModifiers()),
                c.isInterface(),
                superclass == null ? null : Type.getInternalName(superclass),
                List.copyOf(interfaces),
                Set.copyOf(methods),
                Set.copyOf(fields));
    }
}
