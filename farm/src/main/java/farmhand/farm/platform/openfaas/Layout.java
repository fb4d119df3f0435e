package farmhand.farm.platform.openfaas;

import farmhand.farm.spelling.Spelled;

/**
 * How the farm's workers map onto OpenFaaS functions.
 */
public enum Layout implements Spelled {
    /**
     * The paper's: one function per worker ({@code worker-1..N}), one replica each, each worker's loop started by
     * one async invocation of its long-running handler. Needs a queue-worker replica per running invocation
     * (the CE queue-worker handles one call at a time) and, with the emitter and collector, N + 2 functions:
     * CE's 15-function cap allows N &lt;= 13; Pro or a patched build for more.
     */
    PER_WORKER_FUNCTION,
    /**
     * Workers as replicas of a few functions ({@code workers-1..G}, worker k in group ceil(k/5)), scaled with
     * {@code /system/scale-function}; each replica's loop starts with its container and takes the worker name
     * the platform offered on the farm's Redis ({@code farmhand.farm.runtime.NameClaim}), so no invocation and no
     * queue-worker slot is held per worker. Works on unmodified CE: at most 5 replicas per function, so G =
     * ceil(N/5) and N &lt;= 65. A retired replica cannot be singled out: the gateway scales the function down and
     * Kubernetes picks the pod (a restarted, name-less one first, by its restart count).
     */
    REPLICAS;

    /** The CLI spelling, e.g. {@code per-worker-function}. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    @Override
    public String spelling() {
        return cliName();
    }

    /** The layout spelled {@code name}. @throws IllegalArgumentException naming the choices */
    public static Layout parse(String name) {
        return Spelled.parse(Layout.class, "OpenFaaS layout", name);
    }
}
