package cnnkit.grader.check;

/**
 * One thing a method of the submission refers to: a class, or a method or field of a class.
 *
 * @param kind    what the code does with it
 * @param owner   the class in internal form ({@code java/lang/System}); an array descriptor for array methods
 * @param name    the method or field name, or {@code null} for a class
 * @param desc    the method descriptor ({@code ""} for fields and classes)
 * @param virtual whether the method is chosen at run time (so any override may run)
 */
record Ref(Kind kind, String owner, String name, String desc, boolean virtual) {
    /** What the code does with the class or member, in the words of a feedback sentence. */
    enum Kind {
        METHOD,
        CONSTRUCTOR,
        FIELD_READ,
        FIELD_WRITE,
        HANDLE,
        FIELD_HANDLE,
        BOOTSTRAP,
        NEW,
        TYPE
    }

    static Ref type(Kind kind, String owner) {
        return new Ref(kind, owner, null, "", false);
    }

    boolean isField() {
        return kind == Kind.FIELD_READ || kind == Kind.FIELD_WRITE || kind == Kind.FIELD_HANDLE;
    }

    /** Whether following this reference runs the member's code. */
    boolean isCall() {
        return kind == Kind.METHOD || kind == Kind.CONSTRUCTOR || kind == Kind.HANDLE || kind == Kind.BOOTSTRAP;
    }

    Ref withOwner(String newOwner) {
        return new Ref(kind, newOwner, name, desc, virtual);
    }

    /** @return e.g. "calls System.exit", "creates a Thread", "reads System.in", "refers to System::exit" */
    String describe(String ownerName) {
        return switch (kind) {
            case METHOD -> "calls " + ownerName + "." + name;
            case CONSTRUCTOR, NEW -> "creates a " + ownerName;
            case FIELD_READ -> "reads " + ownerName + "." + name;
            case FIELD_WRITE -> "changes " + ownerName + "." + name;
            case HANDLE, FIELD_HANDLE -> "refers to " + ownerName + "::" + name;
            case BOOTSTRAP -> "links code through " + ownerName + "." + name;
            case TYPE -> "uses " + ownerName;
        };
    }
}
