package org.yizhan.geo.planning;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Prints speed and quality tables for the planning algorithms (not a test: numbers, not
 * assertions). Lives with the tests because the exact solver (OR-Tools) is test-scoped.
 * Run with {@code scripts/bench-planning.sh}; argument {@code speed} or {@code quality} runs one table.
 */
public final class PlanningBenchmark {

    private PlanningBenchmark() {}

    public static void main(String[] args) {
        Locale.setDefault(Locale.ROOT);
        String only = args.length > 0 ? args[0] : "all";
        System.out.printf(
                "%d cores, Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        if (!only.equals("quality")) {
            speed();
        }
        if (!only.equals("speed")) {
            quality();
        }
    }

    private static void speed() {
        // Warm-up on another seed so the measured runs see compiled code, as a running service would.
        for (int w = 0; w < 3; w++) {
            timed(InstanceGenerator.generate(InstanceGenerator.Spec.wuhai(20_000, 2_000, 40, 100 + w)), 50);
        }
        System.out.println();
        System.out.println("Speed: 20 x 20 km around Wuhai, R = 1 km, existing = demand / 500; median of 3 runs, ms");
        System.out.println("  demand x cand      k   build  greedy    swap   total  passes swaps  before   after");
        for (int k : new int[] {10, 25, 50}) {
            row(20_000, 2_000, k);
        }
        row(50_000, 5_000, 100);
    }

    /** Build (index + cover lists), greedy and swap times of the median run, and its plan. */
    private record Timing(double buildMs, CoveringPlan plan) {
        double totalMs() {
            return buildMs + ms(plan.greedyTime()) + ms(plan.swapTime());
        }
    }

    private static void row(int demand, int candidates, int k) {
        InstanceGenerator.Instance instance =
                InstanceGenerator.generate(InstanceGenerator.Spec.wuhai(demand, candidates, demand / 500, 1));
        List<Timing> runs = new ArrayList<>();
        for (int r = 0; r < 3; r++) {
            runs.add(timed(instance, k));
        }
        runs.sort(Comparator.comparingDouble(Timing::totalMs));
        Timing t = runs.get(1);
        CoveringPlan plan = t.plan();
        System.out.printf(
                "  %6d x %5d  %4d  %6.0f  %6.1f  %6.0f  %6.0f  %6d %5d  %5.1f%%  %5.1f%%%n",
                demand,
                candidates,
                k,
                t.buildMs(),
                ms(plan.greedyTime()),
                ms(plan.swapTime()),
                t.totalMs(),
                plan.swapPasses(),
                plan.swaps(),
                100 * plan.shareBefore(),
                100 * plan.shareAfter());
    }

    private static Timing timed(InstanceGenerator.Instance instance, int k) {
        CoverageProblem problem = instance.problem();
        return new Timing(ms(problem.buildTime()), MaximalCovering.solve(problem, k));
    }

    private static void quality() {
        System.out.println();
        System.out.println("Quality: heuristic vs SCIP proven optimum (newly covered weight), 8-12 km squares");
        System.out.println("  demand x cand    k  seed    optimum  greedy+swap   ratio   greedy ratio   exact s");
        double worst = 1;
        double sum = 0;
        int proven = 0;
        int[][] sizes = {{500, 300, 8_000}, {1_000, 1_000, 12_000}};
        int[] ks = {5, 10, 20, 40};
        for (int[] size : sizes) {
            for (int k : ks) {
                for (long seed = 1; seed <= 3; seed++) {
                    CoverageProblem problem = InstanceGenerator.generate(
                                    InstanceGenerator.Spec.wuhai(size[0], size[1], size[0] / 100, seed)
                                            .withSize(size[2]))
                            .problem();
                    Optional<ExactMaximalCovering.Result> exact =
                            ExactMaximalCovering.solve(problem, k, Duration.ofSeconds(120));
                    double heuristic = MaximalCovering.solve(problem, k).gain();
                    double greedy = MaximalCovering.solve(problem, k, MaximalCovering.Options.GREEDY_ONLY)
                            .gain();
                    if (exact.isEmpty()) {
                        System.out.printf(
                                "  %6d x %5d  %3d  %4d   not proven within 120 s%n", size[0], size[1], k, seed);
                        continue;
                    }
                    double opt = exact.get().newlyCovered();
                    double ratio = HeuristicGapTest.ratio(heuristic, opt);
                    System.out.printf(
                            "  %6d x %5d  %3d  %4d  %9.0f  %11.0f  %6.4f  %13.4f  %8.2f%n",
                            size[0],
                            size[1],
                            k,
                            seed,
                            opt,
                            heuristic,
                            ratio,
                            HeuristicGapTest.ratio(greedy, opt),
                            ms(exact.get().time()) / 1000);
                    worst = Math.min(worst, ratio);
                    sum += ratio;
                    proven++;
                }
            }
        }
        System.out.printf(
                "  proven optima: %d; heuristic/optimum worst %.4f, mean %.4f%n", proven, worst, sum / proven);
    }

    private static double ms(Duration d) {
        return d.toNanos() / 1e6;
    }
}
