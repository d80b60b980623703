package cnnkit.grader.check;

import cnnkit.grader.check.ClassFacts.MethodFacts;
import cnnkit.grader.check.ClassFacts.Problem;
import cnnkit.grader.check.ClassFacts.Use;
import cnnkit.grader.check.Ref.Kind;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ConstantDynamic;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Handle;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * Reads one class file with ASM into {@link ClassFacts}: its hierarchy, its members, and every reference of every
 * method with its source line. Nothing of the class is loaded or run.
 */
final class FactsReader extends ClassVisitor {
    /** Catching these hides crashes and timeouts (a stack overflow, running out of memory, a thread being stopped). */
    private static final Set<String> HIDING_CATCHES = Set.of(
            "java/lang/Throwable",
            "java/lang/Error",
            "java/lang/VirtualMachineError",
            "java/lang/StackOverflowError",
            "java/lang/OutOfMemoryError",
            "java/lang/ThreadDeath",
            "java/lang/InternalError");

    /**
     * No exception is made for any pattern, javac's try-with-resources included (it catches Throwable to add
     * suppressed exceptions): a rule that one call could switch off would be no rule, and nothing a step may use needs
     * closing.
     */
    private static final String HIDES = "it hides crashes and time-outs the grader must see; try-with-resources "
            + "catches Throwable too, and nothing a step may use needs closing";

    private final ClassFacts facts;

    FactsReader(ClassFacts facts) {
        super(Opcodes.ASM9);
        this.facts = facts;
    }

    @Override
    public void visit(int version, int access, String name, String signature, String superName, String[] ifaces) {
        facts.name = name;
        facts.superName = superName;
        facts.interfaces = ifaces == null ? new String[0] : ifaces;
    }

    @Override
    public void visitSource(String source, String debug) {
        facts.sourceFile = source;
    }

    @Override
    public FieldVisitor visitField(int access, String name, String desc, String signature, Object value) {
        facts.fields.add(name);
        return null;
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String desc, String signature, String[] exceptions) {
        MethodFacts m = new MethodFacts(name, desc, access);
        facts.methods.put(m.key(), m);
        if ((access & Opcodes.ACC_NATIVE) != 0) {
            facts.problems.add(
                    new Problem(m, -1, "declares a native method", "native code runs outside Java's checks"));
        }
        if (name.equals("finalize") && desc.equals("()V")) {
            facts.problems.add(new Problem(m, -1, "overrides finalize", "finalizers run on the JVM's own thread"));
        }
        return new Code(m);
    }

    /** The instructions of one method. */
    private final class Code extends MethodVisitor {
        private final MethodFacts m;
        private int line = -1;
        /** Handler of each catch of a hiding type to the caught type. */
        private final Map<Label, String> hidingHandlers = new HashMap<>();

        private String pendingCatch;

        Code(MethodFacts m) {
            super(Opcodes.ASM9);
            this.m = m;
        }

        private void ref(Ref ref) {
            flushCatch();
            m.uses.add(new Use(ref, line));
        }

        @Override
        public void visitLineNumber(int line, Label start) {
            this.line = line;
            flushCatch();
        }

        @Override
        public void visitLabel(Label label) {
            flushCatch();
            pendingCatch = hidingHandlers.get(label);
        }

        @Override
        public void visitTryCatchBlock(Label start, Label end, Label handler, String type) {
            if (type != null && HIDING_CATCHES.contains(type)) {
                hidingHandlers.put(handler, type);
            }
        }

        /** Reports a hiding catch with the line its handler starts at (known once the next line number or code comes). */
        private void flushCatch() {
            if (pendingCatch != null) {
                String type = pendingCatch;
                pendingCatch = null;
                m.problems.add(new Problem(m, line, "catches " + BytecodeCheck.displayName(type), HIDES));
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String desc, boolean itf) {
            Kind kind = name.equals("<init>") ? Kind.CONSTRUCTOR : Kind.METHOD;
            ref(new Ref(kind, owner, name, desc, opcode == Opcodes.INVOKEVIRTUAL || opcode == Opcodes.INVOKEINTERFACE));
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String desc) {
            Kind kind = opcode == Opcodes.GETSTATIC || opcode == Opcodes.GETFIELD ? Kind.FIELD_READ : Kind.FIELD_WRITE;
            ref(new Ref(kind, owner, name, "", false));
        }

        @Override
        public void visitTypeInsn(int opcode, String type) {
            ref(Ref.type(opcode == Opcodes.NEW ? Kind.NEW : Kind.TYPE, type));
        }

        @Override
        public void visitMultiANewArrayInsn(String desc, int dims) {
            ref(Ref.type(Kind.TYPE, desc));
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String desc, Handle bsm, Object... args) {
            bootstrap(bsm, args);
        }

        @Override
        public void visitLdcInsn(Object value) {
            constant(value);
        }

        private void bootstrap(Handle bsm, Object[] args) {
            ref(new Ref(Kind.BOOTSTRAP, bsm.getOwner(), bsm.getName(), bsm.getDesc(), false));
            for (Object arg : args) {
                constant(arg);
            }
        }

        private void constant(Object value) {
            if (value instanceof Type t && t.getSort() == Type.OBJECT) {
                ref(Ref.type(Kind.TYPE, t.getInternalName()));
            } else if (value instanceof Type t && t.getSort() == Type.ARRAY) {
                ref(Ref.type(Kind.TYPE, t.getDescriptor()));
            } else if (value instanceof Handle h) {
                boolean field = h.getTag() <= Opcodes.H_PUTSTATIC;
                boolean virtual = h.getTag() == Opcodes.H_INVOKEVIRTUAL || h.getTag() == Opcodes.H_INVOKEINTERFACE;
                ref(new Ref(
                        field ? Kind.FIELD_HANDLE : Kind.HANDLE,
                        h.getOwner(),
                        h.getName(),
                        field ? "" : h.getDesc(),
                        virtual));
            } else if (value instanceof ConstantDynamic c) {
                Object[] args = new Object[c.getBootstrapMethodArgumentCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = c.getBootstrapMethodArgument(i);
                }
                bootstrap(c.getBootstrapMethod(), args);
            }
        }

        @Override
        public void visitEnd() {
            flushCatch();
        }
    }
}
