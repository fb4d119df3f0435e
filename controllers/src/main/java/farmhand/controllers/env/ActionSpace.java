package farmhand.controllers.env;

/**
 * The discrete action space {@code Discrete(2k + 1)}: index {@code i} maps to a worker delta of
 * {@code i - k}, so deltas run from {@code -k} to {@code +k}. The paper's space is {@code k = 1}
 * ({@link #PAPER}: index 0, 1, 2 is -1, 0, +1). Immutable.
 *
 * @param maxDelta k, the largest change of worker count one step may request, {@code >= 1}
 */
public record ActionSpace(int maxDelta) {

    /** The paper's {@code Discrete(3)}: -1, 0, +1. */
    public static final ActionSpace PAPER = new ActionSpace(1);

    public ActionSpace {
        if (maxDelta < 1) {
            throw new IllegalArgumentException("the action space's maxDelta must be >= 1, was " + maxDelta);
        }
    }

    /** Number of actions, {@code 2k + 1}. */
    public int count() {
        return 2 * maxDelta + 1;
    }

    /** The action with Gymnasium index {@code index}. */
    public Action ofIndex(int index) {
        if (index < 0 || index >= count()) {
            throw new IllegalArgumentException("action index must be within 0.." + (count() - 1) + ", was " + index);
        }
        return Action.of(index - maxDelta);
    }

    /** The Gymnasium index of {@code action}. */
    public int indexOf(Action action) {
        requireContains(action);
        return action.delta() + maxDelta;
    }

    /** Whether {@code action}'s delta is within {@code -k..+k}. */
    public boolean contains(Action action) {
        return Math.abs(action.delta()) <= maxDelta;
    }

    /** {@code action}, or an exception naming the bound it exceeds. */
    public Action requireContains(Action action) {
        if (!contains(action)) {
            throw new IllegalArgumentException("action delta " + action.delta() + " is outside the action space -"
                    + maxDelta + "..+" + maxDelta);
        }
        return action;
    }

    /** The action closest to {@code delta} within the space: {@code delta} clamped to {@code -k..+k}. */
    public Action clamp(int delta) {
        return Action.of(Math.max(-maxDelta, Math.min(maxDelta, delta)));
    }

    /** The action moving {@code current} workers toward {@code desired}, at most {@code k} per step. */
    public Action toward(int current, int desired) {
        return clamp(desired - current);
    }
}
