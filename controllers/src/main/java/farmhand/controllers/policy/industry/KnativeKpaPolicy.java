package farmhand.controllers.policy.industry;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;

/**
 * Knative's Pod Autoscaler (KPA) on concurrency (knative.dev "Additional autoscaling configuration for
 * Knative Pod Autoscaler" and "Configuring targets"; knative/serving {@code config/core/configmaps/autoscaler.yaml}
 * and {@code pkg/autoscaler/scaling/autoscaler.go}): every 2 s (the autoscaler's tick) it averages the
 * observed total concurrency over the stable window (60 s) and the panic window (10 % of it, 6 s), and
 * divides by the target per pod ({@code container-concurrency-target-default} 100 times
 * {@code container-concurrency-target-percentage} 70 % = 70):
 * {@code stable = ceil(stableAverage / 70)}, {@code panic = ceil(panicAverage / 70)}, both limited to
 * [{@code ready / max-scale-down-rate}, {@code ready * max-scale-up-rate}] (rates 2 and 1000). Panic mode
 * starts when {@code panic / ready >= 200 %} ({@code panic-threshold-percentage}), is extended while that
 * holds, and ends a stable window after it last held; in panic the pod count only grows (the highest panic
 * count so far), otherwise it follows the stable count.
 *
 * <p>The concurrency is the farm's requests in flight: tasks in service plus tasks waiting (as the
 * activator and queue-proxies would hold them in Knative's push model). Samples are the step-boundary
 * observations held until the next step (the farm is observed every control step, Knative scrapes every
 * second).
 *
 * <p>The samples of the stable window sit in a ring of primitive arrays with a running sum: a tick adds
 * one and evicts those older than the window without allocating or walking the window. The farm's
 * concurrencies are whole numbers, so the running sum is exact and equals the sum taken in order; when a
 * sample is not a whole number the sums are taken in order, oldest first, as the averages are defined.
 *
 * <p>Not thread-safe.
 */
public final class KnativeKpaPolicy extends PeriodicAutoscaler {

    /** The autoscaler's tick, seconds. */
    public static final double TICK_SECONDS = 2;

    /**
     * Whole numbers below this magnitude are summed exactly in a double, in any order, for any window
     * of fewer than 2^12 samples (the stable window holds at most 1,801: 3600 s at 2 s ticks).
     */
    private static final double EXACT_LIMIT = 0x1p40;

    private final String name;
    private final double targetPerPod;
    private final double stableWindowSeconds;
    private final double panicWindowSeconds;
    private final double panicThreshold;
    private final double maxScaleUpRate;
    private final double maxScaleDownRate;
    /** The stable window's samples, oldest at {@code head}: model seconds and concurrency. */
    private double[] sampleSeconds = new double[32];
    private double[] sampleConcurrency = new double[32];
    private int head;
    private int size;
    /** Sum of the window's concurrencies while every one is a whole number (then exact in any order). */
    private double wholeSum;
    /** Samples in the window that are not whole numbers (their sums are taken in order instead). */
    private int fractional;
    private double panicSince;
    private int maxPanicPods;

    /**
     * @param name the row's name
     * @param environment the control loop (bounds = min/max-scale, action space)
     * @param targetPerPod concurrency per pod aimed at ({@code target * utilisation}), {@code > 0}
     * @param stableWindowSeconds stable window, 6-3600 s
     * @param panicWindowPercent panic window as a percentage of the stable window, 1-100
     * @param panicThresholdPercent panic threshold, {@code > 100}
     * @param maxScaleUpRate {@code max-scale-up-rate}, {@code > 1}
     * @param maxScaleDownRate {@code max-scale-down-rate}, {@code > 1}
     */
    public KnativeKpaPolicy(String name, EnvironmentConfig environment, double targetPerPod, double stableWindowSeconds,
                            double panicWindowPercent, double panicThresholdPercent, double maxScaleUpRate,
                            double maxScaleDownRate) {
        super(environment, TICK_SECONDS);
        if (!(targetPerPod > 0) || !(stableWindowSeconds >= 6 && stableWindowSeconds <= 3600)
                || !(panicWindowPercent >= 1 && panicWindowPercent <= 100) || !(panicThresholdPercent > 100)
                || !(maxScaleUpRate > 1) || !(maxScaleDownRate > 1)) {
            throw new IllegalArgumentException("KPA needs target > 0, stable window 6-3600 s, panic window 1-100 %, "
                    + "panic threshold > 100 %, scale rates > 1");
        }
        this.name = name;
        this.targetPerPod = targetPerPod;
        this.stableWindowSeconds = stableWindowSeconds;
        this.panicWindowSeconds = stableWindowSeconds * panicWindowPercent / 100;
        this.panicThreshold = panicThresholdPercent / 100;
        this.maxScaleUpRate = maxScaleUpRate;
        this.maxScaleDownRate = maxScaleDownRate;
    }

    /** Knative's defaults: target 100 at 70 %, windows 60 s and 10 %, threshold 200 %, rates 1000 and 2. */
    public static KnativeKpaPolicy defaults(EnvironmentConfig environment) {
        return new KnativeKpaPolicy("knative-kpa", environment, 100 * 0.70, 60, 10, 200, 1000, 2);
    }

    /**
     * The defaults with {@code containerConcurrency: 1} on the revision, what a user sets for a worker that
     * takes one task at a time: the target becomes 1 * 70 % (knative.dev "Configuring targets": the target
     * defaults to the container concurrency when that is set).
     */
    public static KnativeKpaPolicy containerConcurrencyOne(EnvironmentConfig environment) {
        return new KnativeKpaPolicy("knative-kpa-cc1", environment, 1 * 0.70, 60, 10, 200, 1000, 2);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    protected void resetRule() {
        head = 0;
        size = 0;
        wholeSum = 0;
        fractional = 0;
        panicSince = Double.NaN;
        maxPanicPods = 0;
    }

    /** Whether the last tick left the autoscaler in panic mode. */
    public boolean panicking() {
        return !Double.isNaN(panicSince);
    }

    private static boolean whole(double v) {
        return Math.abs(v) < EXACT_LIMIT && v == Math.rint(v);
    }

    private void add(double seconds, double concurrency) {
        if (size == sampleSeconds.length) {
            double[] t = new double[size * 2];
            double[] c = new double[size * 2];
            for (int i = 0; i < size; i++) {
                t[i] = sampleSeconds[(head + i) & (size - 1)];
                c[i] = sampleConcurrency[(head + i) & (size - 1)];
            }
            sampleSeconds = t;
            sampleConcurrency = c;
            head = 0;
        }
        int at = (head + size) & (sampleSeconds.length - 1);
        sampleSeconds[at] = seconds;
        sampleConcurrency[at] = concurrency;
        size++;
        if (whole(concurrency)) {
            wholeSum += concurrency;
        } else {
            fractional++;
        }
    }

    /** Drops the samples at or before {@code limitSeconds}, oldest first. */
    private void evictUpTo(double limitSeconds) {
        while (size > 0 && sampleSeconds[head] <= limitSeconds) {
            double c = sampleConcurrency[head];
            if (whole(c)) {
                wholeSum -= c;
            } else {
                fractional--;
            }
            head = (head + 1) & (sampleSeconds.length - 1);
            size--;
        }
    }

    /** Mean concurrency of the samples newer than {@code nowSeconds - window}, summed oldest first. */
    private double average(double nowSeconds, double window) {
        if (size == 0) {
            return 0;
        }
        int mask = sampleSeconds.length - 1; // the ring's length is a power of two
        int first = 0; // index (from head) of the oldest sample inside the window
        if (!(sampleSeconds[head] > nowSeconds - window)) {
            first = size; // only the newest few are inside (the panic window): walk back from the newest
            while (first > 0 && sampleSeconds[(head + first - 1) & mask] > nowSeconds - window) {
                first--;
            }
        }
        int n = size - first;
        if (n == 0) {
            return 0;
        }
        if (first == 0 && fractional == 0) {
            return wholeSum / n; // every sample of the window, all whole: the running sum is the exact sum
        }
        double sum = 0;
        for (int i = first; i < size; i++) {
            sum += sampleConcurrency[(head + i) & mask];
        }
        return sum / n;
    }

    @Override
    protected int tick(double nowSeconds, int replicas, Observation o, StepInfo info) {
        add(nowSeconds, FarmSignals.inFlight(o, info));
        evictUpTo(nowSeconds - stableWindowSeconds);
        double ready = Math.max(1, Math.round(o.workers()));
        double maxUp = Math.ceil(maxScaleUpRate * ready);
        double maxDown = Math.floor(ready / maxScaleDownRate);
        double dspc = Math.ceil(average(nowSeconds, stableWindowSeconds) / targetPerPod - 1e-9);
        double dppc = Math.ceil(average(nowSeconds, panicWindowSeconds) / targetPerPod - 1e-9);
        int stablePods = (int) Math.min(Math.max(dspc, maxDown), maxUp);
        int panicPods = (int) Math.min(Math.max(dppc, maxDown), maxUp);
        boolean overThreshold = dppc / ready >= panicThreshold;
        if (overThreshold) {
            panicSince = nowSeconds; // start or extend panic mode
        } else if (panicking() && nowSeconds > panicSince + stableWindowSeconds) {
            panicSince = Double.NaN;
            maxPanicPods = 0;
        }
        if (panicking()) {
            maxPanicPods = Math.max(maxPanicPods, Math.max(panicPods, replicas));
            return maxPanicPods;
        }
        return stablePods;
    }
}
