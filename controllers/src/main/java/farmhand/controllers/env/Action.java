package farmhand.controllers.env;

/**
 * A scaling action: the change of worker count requested for one control step. The paper's
 * {@code Discrete(3)} space holds {@link #SCALE_DOWN}, {@link #NO_OP} and {@link #SCALE_UP}; a wider
 * {@link ActionSpace} holds every delta in {@code -k..+k}, and maps deltas to Gymnasium indices.
 *
 * @param delta the change of worker count this action requests (negative removes workers)
 */
public record Action(int delta) {

    /** Remove one worker. */
    public static final Action SCALE_DOWN = new Action(-1);
    /** Keep the worker count. */
    public static final Action NO_OP = new Action(0);
    /** Add one worker. */
    public static final Action SCALE_UP = new Action(1);

    /** The action requesting {@code delta} workers more (fewer when negative). */
    public static Action of(int delta) {
        return switch (delta) {
            case -1 -> SCALE_DOWN;
            case 0 -> NO_OP;
            case 1 -> SCALE_UP;
            default -> new Action(delta);
        };
    }

    /** Whether this action asks for any change of worker count. */
    public boolean scales() {
        return delta != 0;
    }

    /** The action with Gymnasium index {@code index} in the paper's space ({@link ActionSpace#PAPER}). */
    public static Action ofIndex(int index) {
        return ActionSpace.PAPER.ofIndex(index);
    }

    /**
     * The index of the highest of the paper's three action values {@code values[offset .. offset + 3)},
     * ties to the highest index.
     */
    public static int best(double[] values, int offset) {
        return best(values, offset, ActionSpace.PAPER.count());
    }

    /**
     * The index of the highest of the {@code count} action values {@code values[offset .. offset + count)},
     * ties to the highest index: the one greedy choice of every value-based agent.
     */
    public static int best(double[] values, int offset, int count) {
        int best = 0;
        for (int a = 1; a < count; a++) {
            if (values[offset + a] >= values[offset + best]) {
                best = a;
            }
        }
        return best;
    }
}
