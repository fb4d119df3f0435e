package farmhand.bench;

import farmhand.controllers.catalog.PolicyKind;
import java.util.Optional;

/**
 * The controller-overhead targets of the benchmarks (issue "k3s suite, gate, bench"), and how a
 * JMH score with its error compares with one: every reactive, static and industry decision
 * {@code <= 50 ns}, SARSA {@code <= 100 ns}, the DQN forward pass {@code <= 500 ns}, a simulated
 * 1140-task episode {@code <= 0.5 ms} (that is, {@code >= 2000} episodes per second).
 *
 * @param limit the bound, in the benchmark's unit
 * @param lowerIsBetter true for a time per operation, false for a throughput
 * @param text the bound as people state it
 */
public record BenchTarget(double limit, boolean lowerIsBetter, String text) {

    /** How a score relates to its target. */
    public enum Verdict {
        /** Met even at the far end of JMH's error interval. */
        MET("met"),
        /** Missed even at the near end of the error interval. */
        MISSED("missed"),
        /** The error interval holds the bound: this run neither shows it met nor missed. */
        WITHIN_ERROR("within error");

        private final String text;

        Verdict(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The target of one benchmark row, if it has one.
     *
     * @param benchmark the method, as {@code Class.method} ({@code ControllerBenchmark.decide})
     * @param param the row's parameter (a {@link PolicyKind} constant's name), or empty
     */
    public static Optional<BenchTarget> of(String benchmark, String param) {
        if (benchmark.equals("SimulatorBenchmark.simulatedEpisode")) {
            return Optional.of(new BenchTarget(2000, false, "<= 0.5 ms (>= 2000 ops/s)"));
        }
        if (!benchmark.equals("ControllerBenchmark.decide")) {
            return Optional.empty();
        }
        return switch (PolicyKind.valueOf(param)) {
            case SARSA -> Optional.of(new BenchTarget(100, true, "<= 100 ns"));
            case DQN -> Optional.of(new BenchTarget(500, true, "<= 500 ns"));
            default -> Optional.of(new BenchTarget(50, true, "<= 50 ns"));
        };
    }

    /** The verdict on {@code score +- error}; a NaN error (one iteration) counts as zero. */
    public Verdict judge(double score, double error) {
        double e = Double.isNaN(error) ? 0 : Math.abs(error);
        double worst = lowerIsBetter ? score + e : score - e;
        double best = lowerIsBetter ? score - e : score + e;
        if (lowerIsBetter ? worst <= limit : worst >= limit) {
            return Verdict.MET;
        }
        if (lowerIsBetter ? best > limit : best < limit) {
            return Verdict.MISSED;
        }
        return Verdict.WITHIN_ERROR;
    }

    /** A row parameter as people read it: a {@link PolicyKind} constant as its spelling, anything else as it is. */
    public static String paramText(String param) {
        for (PolicyKind k : PolicyKind.values()) {
            if (k.name().equals(param)) {
                return k.spelling();
            }
        }
        return param;
    }
}
