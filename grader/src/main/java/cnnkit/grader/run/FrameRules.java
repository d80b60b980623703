package cnnkit.grader.run;

import cnnkit.grader.common.CheckId;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules one job's frames must follow, checked by the grader as each frame arrives. The worker's own code always
 * follows them; a frame that breaks one was not sent by it (or the worker is broken), so the grader voids what that
 * worker sent for the job, kills it and runs the submission again in a fresh one.
 *
 * <ol>
 *   <li>Every frame carries the job's nonce (fresh for every job) and is well formed.</li>
 *   <li>The first frame is the {@code plan}, sent once, of checks of the requested steps only, none the grader
 *       asked to skip, none twice.</li>
 *   <li>A check is {@code started} at most once, only if planned, only while no other check runs, and in the plan's
 *       order.</li>
 *   <li>A {@code result} is for a planned check without a result yet, and for the running check if one runs
 *       (a check that never started, e.g. skipped, may get its result without a {@code started}).</li>
 *   <li>{@code fatal} at most once; {@code done} only after every planned check has its result, or after
 *       {@code fatal}; nothing after {@code done}.</li>
 * </ol>
 */
final class FrameRules {
    private final String nonce;
    private final Set<String> steps;
    private final Set<String> skip;
    /** Planned check id to its position in the plan; null until the plan arrived. */
    private Map<String, Integer> plan;

    private final Set<String> started = new HashSet<>();
    private final Set<String> ended = new HashSet<>();
    private String running;
    private int lastStarted = -1;
    private boolean fatal;
    private boolean done;

    /**
     * @param nonce this job's nonce
     * @param steps the units the job asked for (Part 1: the steps' class names, Part 2: e.g. ReluBackward)
     * @param skip  the check ids the job asked the worker to skip
     */
    FrameRules(String nonce, Collection<String> steps, Collection<String> skip) {
        this.nonce = nonce;
        this.steps = Set.copyOf(steps);
        this.skip = Set.copyOf(skip);
    }

    /**
     * @param nonce the nonce the frame came with
     * @param f     the frame, or null if the line was not a frame
     * @return null if the frame keeps the rules, else which rule it broke (for the incident message)
     */
    String check(String nonce, Frame f) {
        if (done) {
            return "a frame after the end of the job";
        }
        if (f == null) {
            return "a line that is not a frame";
        }
        if (!this.nonce.equals(nonce)) {
            return "a frame without this job's nonce";
        }
        if (plan == null && !Frame.PLAN.equals(f.type())) {
            return "a " + f.type() + " frame before the plan";
        }
        return switch (f.type()) {
            case Frame.PLAN -> plan(f.results());
            case Frame.STARTED -> started(f.check());
            case Frame.RESULT -> result(f.results());
            case Frame.OUTPUT -> null;
            case Frame.FATAL -> {
                if (fatal) {
                    yield "a second fatal frame";
                }
                fatal = true;
                yield null;
            }
            case Frame.DONE -> {
                if (!fatal && ended.size() < plan.size()) {
                    yield "the end of the job before every planned check had its result";
                }
                done = true;
                yield null;
            }
            default -> "a frame of unknown type " + f.type();
        };
    }

    /** @return the check that has started and has no result yet, or null */
    String running() {
        return running;
    }

    private String plan(List<CheckResult> planned) {
        if (plan != null) {
            return "a second plan";
        }
        Map<String, Integer> p = new LinkedHashMap<>();
        for (CheckResult r : planned == null ? List.<CheckResult>of() : planned) {
            String id = r == null ? null : r.checkId();
            if (id == null
                    || !steps.contains(stepName(id))
                    || skip.contains(id)
                    || p.putIfAbsent(id, p.size()) != null) {
                return "a plan with a check it was not asked to run, or twice (" + id + ")";
            }
        }
        plan = p;
        return null;
    }

    private String started(String id) {
        Integer at = id == null ? null : plan.get(id);
        if (at == null) {
            return "the start of a check that is not in the plan (" + id + ")";
        }
        if (running != null || started.contains(id) || ended.contains(id) || at <= lastStarted) {
            return "a check started twice or out of order (" + id + ")";
        }
        started.add(id);
        running = id;
        lastStarted = at;
        return null;
    }

    private String result(List<CheckResult> results) {
        if (results == null || results.size() != 1 || results.get(0) == null) {
            return "a result frame without exactly one result";
        }
        CheckResult r = results.get(0);
        String id = r.checkId();
        if (id == null
                || !plan.containsKey(id)
                || r.step() == null
                || CheckId.parse(id).filter(c -> c.step() == r.step()).isEmpty()) {
            return "a result for a check that is not in the plan (" + id + ")";
        }
        if (ended.contains(id)) {
            return "a second result for " + id;
        }
        if (running != null ? !running.equals(id) : started.contains(id)) {
            return "a result for " + id + " while " + (running == null ? "no check" : running) + " was running";
        }
        ended.add(id);
        running = null;
        return null;
    }

    private static String stepName(String id) {
        int dot = id.indexOf('.');
        return dot < 0 ? "" : id.substring(0, dot);
    }
}
