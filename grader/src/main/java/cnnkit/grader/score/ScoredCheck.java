package cnnkit.grader.score;

import cnnkit.grader.run.CheckResult;

/**
 * A check's result with its points.
 *
 * @param result what happened
 * @param earned the rubric's points if passed, else 0
 * @param max    the rubric's points
 */
public record ScoredCheck(CheckResult result, double earned, double max) {}
