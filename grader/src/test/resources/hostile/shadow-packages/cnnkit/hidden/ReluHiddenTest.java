package cnnkit.hidden;

/** Hostile: a fake hidden test without any check. */
public class ReluHiddenTest {
}
