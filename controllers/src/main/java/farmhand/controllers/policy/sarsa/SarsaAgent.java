package farmhand.controllers.policy.sarsa;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Tabular SARSA(lambda) with accumulating eligibility traces (SPEC section 5).
 *
 * <p>Update after each transition (s, a, r, s', a'):
 * {@code delta = r + gamma * Q(s', a') - Q(s, a)}, or {@code delta = r - Q(s, a)} when s' is
 * terminal (this implementation does not bootstrap from a terminal state; the authors' prototype
 * did); {@code e(s, a) += 1}; then every traced pair gets {@code Q += alpha * delta * e} and
 * {@code e *= gamma * lambda}, traces below the cutoff being dropped. Greedy ties go to the
 * highest action index (scale up before no-op before scale down), a deterministic choice that errs
 * on the side of QoS in unvisited states.
 *
 * <p>Not thread-safe.
 */
public final class SarsaAgent {

    private final SarsaConfig config;
    private final Discretizer discretizer;
    private final double[] q;
    private final Map<Integer, double[]> traces = new HashMap<>();

    public SarsaAgent(SarsaConfig config, Discretizer discretizer) {
        this(config, discretizer, new double[discretizer.stateCount() * Action.COUNT]);
    }

    /** An agent with the given Q-table ({@code stateCount * 3} values, state-major). */
    public SarsaAgent(SarsaConfig config, Discretizer discretizer, double[] qTable) {
        this.config = Objects.requireNonNull(config, "config");
        this.discretizer = Objects.requireNonNull(discretizer, "discretizer");
        if (qTable.length != discretizer.stateCount() * Action.COUNT) {
            throw new IllegalArgumentException("Q-table has " + qTable.length + " values, expected "
                    + discretizer.stateCount() * Action.COUNT);
        }
        this.q = qTable.clone();
    }

    public SarsaConfig config() {
        return config;
    }

    public Discretizer discretizer() {
        return discretizer;
    }

    /** A copy of the Q-table, state-major: value of action a in state s at {@code s * 3 + a}. */
    public double[] qTable() {
        return q.clone();
    }

    /** Q(s, a). */
    public double value(int state, int action) {
        return q[state * Action.COUNT + action];
    }

    /** The state of {@code o}. */
    public int state(Observation o) {
        return discretizer.state(o);
    }

    /** The greedy action index in {@code state}, ties to the highest index. */
    public int greedy(int state) {
        return Action.best(q, state * Action.COUNT);
    }

    /** Epsilon-greedy action index, drawing from {@code rng}. */
    public int explore(int state, double epsilon, UniformRandomProvider rng) {
        if (rng.nextDouble() < epsilon) {
            return rng.nextInt(Action.COUNT);
        }
        return greedy(state);
    }

    /** Clears the eligibility traces; call at the start of every episode. */
    public void startEpisode() {
        traces.clear();
    }

    /**
     * Learns from one transition.
     *
     * @param state s
     * @param action a
     * @param reward r
     * @param next s' (ignored when terminal)
     * @param nextAction a' (ignored when terminal)
     * @param terminal true when s' ends the episode (terminated or truncated)
     * @return the TD error delta
     */
    public double update(int state, int action, double reward, int next, int nextAction, boolean terminal) {
        double target = terminal ? reward : reward + config.gamma() * value(next, nextAction);
        double delta = target - value(state, action);
        traces.computeIfAbsent(state, k -> new double[Action.COUNT])[action] += 1.0;
        double decay = config.gamma() * config.lambda();
        Iterator<Map.Entry<Integer, double[]>> it = traces.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<Integer, double[]> entry = it.next();
            int base = entry.getKey() * Action.COUNT;
            double[] e = entry.getValue();
            boolean alive = false;
            for (int a = 0; a < Action.COUNT; a++) {
                if (e[a] != 0) {
                    q[base + a] += config.alpha() * delta * e[a];
                    e[a] *= decay;
                    if (e[a] < config.traceCutoff()) {
                        e[a] = 0;
                    } else {
                        alive = true;
                    }
                }
            }
            if (!alive) {
                it.remove();
            }
        }
        return delta;
    }

    /** Number of state-action pairs with a live trace (for tests and diagnostics). */
    public int liveTraces() {
        int n = 0;
        for (double[] e : traces.values()) {
            for (double v : e) {
                if (v != 0) {
                    n++;
                }
            }
        }
        return n;
    }

    /** Number of states whose Q-values are not all zero. */
    public int visitedStates() {
        int n = 0;
        for (int s = 0; s < discretizer.stateCount(); s++) {
            int base = s * Action.COUNT;
            if (q[base] != 0 || q[base + 1] != 0 || q[base + 2] != 0) {
                n++;
            }
        }
        return n;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SarsaAgent other && config.equals(other.config)
                && discretizer.equals(other.discretizer) && Arrays.equals(q, other.q);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(q);
    }
}
