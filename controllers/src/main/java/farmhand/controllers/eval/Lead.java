package farmhand.controllers.eval;

import java.util.List;
import java.util.Objects;

/**
 * How far one policy's final QoS leads a baseline's over the same seeds, paired seed by seed.
 *
 * <p>Ten episodes are too few to rank two policies whose QoS varies by 10-15 points between
 * seeds (ReactiveMaximum's does): pairing by seed removes the workload's share of that variance,
 * and the standard error says how much of the lead is still noise. Immutable.
 *
 * @param leader the leading policy's label
 * @param baseline the baseline's label
 * @param episodes seeds both were evaluated on, {@code >= 1}
 * @param meanPoints mean over seeds of (leader - baseline) final QoS, in percentage points
 * @param standardErrorPoints standard error of that mean (sample std / sqrt(episodes); 0 for one seed), in points
 */
public record Lead(String leader, String baseline, int episodes, double meanPoints, double standardErrorPoints) {

    /**
     * The paired lead of {@code leader} over {@code baseline}.
     *
     * @throws IllegalArgumentException if the two were not evaluated on the same seeds in the same order
     */
    public static Lead of(Evaluation leader, Evaluation baseline) {
        Objects.requireNonNull(leader, "leader");
        Objects.requireNonNull(baseline, "baseline");
        List<EpisodeMetrics> a = leader.episodes();
        List<EpisodeMetrics> b = baseline.episodes();
        if (a.isEmpty() || a.size() != b.size()) {
            throw new IllegalArgumentException("a lead needs the same non-empty seeds on both sides: " + leader.policy()
                    + " has " + a.size() + " episodes, " + baseline.policy() + " " + b.size());
        }
        double[] diff = new double[a.size()];
        for (int i = 0; i < diff.length; i++) {
            if (a.get(i).seed() != b.get(i).seed()) {
                throw new IllegalArgumentException("episode " + i + " of " + leader.policy() + " ran seed " + a.get(i).seed()
                        + " but " + baseline.policy() + " ran seed " + b.get(i).seed() + ": a lead pairs equal seeds");
            }
            diff[i] = 100 * (a.get(i).finalQos() - b.get(i).finalQos());
        }
        Stat s = Stat.of(diff);
        int n = diff.length;
        double sampleStd = n > 1 ? s.std() * Math.sqrt(n / (n - 1.0)) : 0;
        return new Lead(leader.policy(), baseline.policy(), n, s.mean(), sampleStd / Math.sqrt(n));
    }

    /**
     * The one of {@code candidates} with the highest mean final QoS (the first on a tie).
     *
     * @throws IllegalArgumentException if there is none
     */
    public static Evaluation better(List<Evaluation> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no baseline to choose from");
        }
        Evaluation best = candidates.getFirst();
        for (Evaluation e : candidates) {
            if (e.summary().finalQos().mean() > best.summary().finalQos().mean()) {
                best = e;
            }
        }
        return best;
    }

    /** The lower end of the two-sided ~95 % confidence interval (mean - 1.96 standard errors), in points. */
    public double lowerBoundPoints() {
        return meanPoints - 1.96 * standardErrorPoints;
    }
}
