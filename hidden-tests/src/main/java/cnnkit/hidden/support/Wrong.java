package cnnkit.hidden.support;

/**
 * What one misconception would return on some input: the output of a "wrong oracle" (see {@link WrongOracles}).
 * A student's result that equals it (and differs from the right answer) is taken as that misconception.
 *
 * @param misconception id in {@code misconceptions.csv}
 * @param output        the wrong result: a Double, double[], double[][] or double[][][]
 */
public record Wrong(String misconception, Object output) {}
