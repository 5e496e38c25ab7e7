package org.yizhan.geo.planning;

import com.google.ortools.Loader;
import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPSolverParameters;
import com.google.ortools.linearsolver.MPVariable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Proven optimum of maximal covering by SCIP through OR-Tools (test scope: it exists to measure
 * the heuristic's gap, and keeps the 100+ MB of natives out of the service jar). For small
 * problems (about 1,000 demand × 1,000 candidates).
 *
 * <p>Model: binary x_c per candidate, Σ x_c ≤ k; continuous y_g ∈ [0, 1] per group of open demand
 * covered by the same candidate set (merging them shrinks the model without changing the
 * optimum), y_g ≤ Σ_{c covers g} x_c; maximise Σ W_g y_g. y may stay continuous: at the optimum
 * it is 1 exactly when some chosen candidate covers the group.
 */
final class ExactMaximalCovering {

    /** The optimum newly covered weight and one optimal choice. */
    record Result(double newlyCovered, int[] chosen, Duration time) {}

    static {
        Loader.loadNativeLibraries();
    }

    private ExactMaximalCovering() {}

    /** The proven optimum, or empty when SCIP cannot prove one within {@code limit}. */
    static Optional<Result> solve(CoverageProblem problem, int k, Duration limit) {
        long t0 = System.nanoTime();
        Map<List<Integer>, Double> groups = new LinkedHashMap<>();
        Csr coverers = problem.openCoverers();
        for (int i = 0; i < coverers.rows(); i++) {
            if (coverers.size(i) > 0) {
                List<Integer> key = Arrays.stream(coverers.row(i)).boxed().toList();
                groups.merge(key, problem.weight(i), Double::sum);
            }
        }
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) {
            throw new IllegalStateException("OR-Tools was built without SCIP");
        }
        try {
            int m = problem.candidates().size();
            MPVariable[] x = new MPVariable[m];
            MPConstraint budget = solver.makeConstraint(0, k, "budget");
            for (int c = 0; c < m; c++) {
                x[c] = solver.makeBoolVar("x" + c);
                budget.setCoefficient(x[c], 1);
            }
            MPObjective objective = solver.objective();
            objective.setMaximization();
            int g = 0;
            for (Map.Entry<List<Integer>, Double> group : groups.entrySet()) {
                MPVariable y = solver.makeNumVar(0, 1, "y" + g++);
                objective.setCoefficient(y, group.getValue());
                MPConstraint link = solver.makeConstraint(Double.NEGATIVE_INFINITY, 0);
                link.setCoefficient(y, 1);
                for (int c : group.getKey()) {
                    link.setCoefficient(x[c], -1);
                }
            }
            solver.setTimeLimit(limit.toMillis());
            MPSolverParameters params = new MPSolverParameters();
            // OR-Tools defaults to a 1e-4 relative gap: "optimal" must mean proven here.
            params.setDoubleParam(MPSolverParameters.DoubleParam.RELATIVE_MIP_GAP, 0.0);
            if (solver.solve(params) != MPSolver.ResultStatus.OPTIMAL) {
                return Optional.empty();
            }
            List<Integer> chosen = new ArrayList<>();
            for (int c = 0; c < m; c++) {
                if (x[c].solutionValue() > 0.5) {
                    chosen.add(c);
                }
            }
            int[] picks = chosen.stream().mapToInt(Integer::intValue).toArray();
            double newly = Coverage.of(problem, picks).coveredWeight() - Coverage.coveredByExisting(problem);
            return Optional.of(new Result(newly, picks, Duration.ofNanos(System.nanoTime() - t0)));
        } finally {
            solver.delete();
        }
    }
}
