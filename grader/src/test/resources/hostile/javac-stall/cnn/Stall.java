package cnn;

/**
 * Hostile: an expression javac needs exponential time and memory for (generic inference over nested conditionals,
 * about 1.8x per level; 24 levels), hoping to stall the grader's compiler without limit, and with it the class.
 */
final class Stall {
    private Stall() {
    }

    static <T> T id(T t) {
        return t;
    }

    static Object stall(boolean b, Integer x, String s) {
        return (b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id((b ? id(id(x)) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s))) : id(s));
    }
}
