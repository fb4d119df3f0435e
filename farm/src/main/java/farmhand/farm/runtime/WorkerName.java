package farmhand.farm.runtime;

/**
 * A worker's function name, {@code worker-<index>} (SPEC section 1): the one place it is built and parsed.
 *
 * @param index 1-based, {@code >= 1}
 */
public record WorkerName(int index) implements Comparable<WorkerName> {

    private static final String PREFIX = "worker-";

    public WorkerName {
        if (index < 1) {
            throw new IllegalArgumentException("a worker index is >= 1, was " + index);
        }
    }

    /**
     * The worker called {@code name}.
     *
     * @throws IllegalArgumentException when {@code name} is not {@code worker-<index>}
     */
    public static WorkerName parse(String name) {
        if (name == null || !name.startsWith(PREFIX)) {
            throw new IllegalArgumentException("'" + name + "' is not a worker name (worker-<index>)");
        }
        try {
            return new WorkerName(Integer.parseInt(name.substring(PREFIX.length())));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + name + "' is not a worker name (worker-<index>)");
        }
    }

    /** True when {@code name} is a worker's name. */
    public static boolean isWorker(String name) {
        return name != null && name.matches(PREFIX + "[1-9][0-9]*");
    }

    @Override
    public int compareTo(WorkerName o) {
        return Integer.compare(index, o.index);
    }

    @Override
    public String toString() {
        return PREFIX + index;
    }
}
