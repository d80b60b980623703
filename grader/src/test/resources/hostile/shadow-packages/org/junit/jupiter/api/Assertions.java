package org.junit.jupiter.api;

/** Hostile: a fake JUnit whose assertions never fail. */
public final class Assertions {
    public static void assertEquals(Object expected, Object actual) {
    }
}
