package farmhand.controllers.policy.dqn;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * A fixed-capacity ring of transitions (s, a, r, s', done), sampled uniformly with replacement.
 * Not thread-safe.
 */
public final class ReplayBuffer {

    private final double[][] states;
    private final int[] actions;
    private final double[] rewards;
    private final double[][] nextStates;
    private final boolean[] done;
    private int size;
    private int next;

    /** @param capacity transitions kept, {@code >= 1}; the oldest are overwritten */
    public ReplayBuffer(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be >= 1, was " + capacity);
        }
        states = new double[capacity][];
        actions = new int[capacity];
        rewards = new double[capacity];
        nextStates = new double[capacity][];
        done = new boolean[capacity];
    }

    /** Stores one transition (arrays are kept, not copied: do not change them afterwards). */
    public void add(double[] state, int action, double reward, double[] nextState, boolean terminal) {
        states[next] = state;
        actions[next] = action;
        rewards[next] = reward;
        nextStates[next] = nextState;
        done[next] = terminal;
        next = (next + 1) % states.length;
        size = Math.min(size + 1, states.length);
    }

    /** Transitions stored. */
    public int size() {
        return size;
    }

    /** Indices of {@code n} transitions drawn uniformly with replacement. */
    public int[] sample(int n, UniformRandomProvider rng) {
        if (size == 0) {
            throw new IllegalStateException("cannot sample an empty replay buffer");
        }
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = rng.nextInt(size);
        }
        return idx;
    }

    double[] state(int i) {
        return states[i];
    }

    int action(int i) {
        return actions[i];
    }

    double reward(int i) {
        return rewards[i];
    }

    double[] nextState(int i) {
        return nextStates[i];
    }

    boolean done(int i) {
        return done[i];
    }
}
