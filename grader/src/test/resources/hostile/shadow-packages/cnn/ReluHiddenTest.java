package cnn;

/** Hostile: a class named like a hidden test, in the student's own package. */
public class ReluHiddenTest {
}
