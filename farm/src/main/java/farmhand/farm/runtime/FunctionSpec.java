package farmhand.farm.runtime;

/**
 * One function of the farm: its name (unique in a run) and role.
 *
 * @param name {@code emitter}, {@code collector} or {@code worker-<index>}
 * @param role what it does
 */
public record FunctionSpec(String name, FunctionRole role) {

    /** The emitter's function name. */
    public static final String EMITTER_NAME = farmhand.farm.function.Emitter.NAME;
    /** The collector's function name. */
    public static final String COLLECTOR_NAME = farmhand.farm.function.Collector.NAME;

    public FunctionSpec {
        if (role == null) {
            throw new IllegalArgumentException("a function needs a role");
        }
        String expected = switch (role) {
            case EMITTER -> EMITTER_NAME;
            case COLLECTOR -> COLLECTOR_NAME;
            case WORKER -> WorkerName.parse(name).toString();
        };
        if (!expected.equals(name)) {
            throw new IllegalArgumentException("a " + role + " function is called '" + expected + "', not '" + name + "'");
        }
    }

    public static FunctionSpec emitter() {
        return new FunctionSpec(EMITTER_NAME, FunctionRole.EMITTER);
    }

    public static FunctionSpec collector() {
        return new FunctionSpec(COLLECTOR_NAME, FunctionRole.COLLECTOR);
    }

    public static FunctionSpec worker(WorkerName name) {
        return new FunctionSpec(name.toString(), FunctionRole.WORKER);
    }

    /** The function called {@code name} (its role follows from the name). */
    public static FunctionSpec named(String name) {
        if (EMITTER_NAME.equals(name)) {
            return emitter();
        }
        return COLLECTOR_NAME.equals(name) ? collector() : worker(WorkerName.parse(name));
    }
}
