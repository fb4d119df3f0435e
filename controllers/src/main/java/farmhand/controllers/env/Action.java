package farmhand.controllers.env;

/**
 * The discrete action space {@code Discrete(3)}: index 0, 1, 2 maps to a worker delta of -1, 0, +1.
 */
public enum Action {
    /** Remove one worker. */
    SCALE_DOWN(-1),
    /** Keep the worker count. */
    NO_OP(0),
    /** Add one worker. */
    SCALE_UP(1);

    /** Number of actions. */
    public static final int COUNT = 3;

    private final int delta;

    Action(int delta) {
        this.delta = delta;
    }

    /** The change of worker count this action requests. */
    public int delta() {
        return delta;
    }

    /** The Gymnasium index of this action (0, 1, 2). */
    public int index() {
        return ordinal();
    }

    /** The action with Gymnasium index {@code index}. */
    public static Action ofIndex(int index) {
        if (index < 0 || index >= COUNT) {
            throw new IllegalArgumentException("action index must be 0, 1 or 2, was " + index);
        }
        return values()[index];
    }

    /**
     * The index of the highest of the {@link #COUNT} action values {@code values[offset .. offset + COUNT)},
     * ties to the highest index: the one greedy choice of every value-based agent.
     */
    public static int best(double[] values, int offset) {
        int best = 0;
        for (int a = 1; a < COUNT; a++) {
            if (values[offset + a] >= values[offset + best]) {
                best = a;
            }
        }
        return best;
    }
}
