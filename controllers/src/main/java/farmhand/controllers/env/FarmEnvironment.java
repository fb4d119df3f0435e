package farmhand.controllers.env;

import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.backend.PartialScaleException;
import farmhand.farm.backend.ScaleOutcome;
import farmhand.farm.backend.Telemetry;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * The Gymnasium-style autoscaling environment of the paper (SPEC sections 3-4) over any
 * {@link FarmBackend}: {@link #reset(long)} then {@link #step(Action)} until the result is done.
 *
 * <p>A step applies the scaling (blocking for the platform's scaling time), waits the rest of
 * the control step, then observes. Not thread-safe: one controlling thread per environment.
 */
public final class FarmEnvironment implements AutoCloseable {

    private final FarmBackend backend;
    private final WorkloadGenerator workloads;
    private final EnvironmentConfig config;
    private final RewardFunction reward;
    private final ArrayDeque<CompletedTask> window = new ArrayDeque<>();

    private int stepIndex;
    private int workers;
    private int totalTasks;
    private long lastEnqueued;
    private double lastObservationSeconds;
    private int collected;
    private int collectedOnTime;
    private int scalingActions;
    private boolean done = true;
    private StepInfo lastInfo;

    /**
     * @param backend the farm to drive; closed with this environment
     * @param workloads generates each episode's task stream from the reset seed
     * @param config the control loop's parameters
     * @param reward the reward of Eq. 4
     */
    public FarmEnvironment(FarmBackend backend, WorkloadGenerator workloads, EnvironmentConfig config,
                           RewardFunction reward) {
        this.backend = Objects.requireNonNull(backend, "backend");
        this.workloads = Objects.requireNonNull(workloads, "workloads");
        this.config = Objects.requireNonNull(config, "config");
        this.reward = Objects.requireNonNull(reward, "reward");
    }

    /** The observation bounds ({@code Box}) of this environment's workload and loop. */
    public ObservationSpace observationSpace() {
        return ObservationSpace.of(workloads.config(), config);
    }

    /** The discrete action space ({@code Discrete(2k + 1)}; the paper's {@code Discrete(3)} by default). */
    public ActionSpace actionSpace() {
        return config.actionSpace();
    }

    /** Number of discrete actions ({@code 2k + 1}). */
    public int actionCount() {
        return actionSpace().count();
    }

    public EnvironmentConfig config() {
        return config;
    }

    public RewardFunction reward() {
        return reward;
    }

    /**
     * Where every task of the current episode went, as the backend measured it (the live farm's account
     * from Redis), or empty when the backend keeps none.
     */
    public java.util.Optional<farmhand.farm.queue.FarmAccount> account() {
        return backend.account();
    }

    /** What disturbed the current episode (Redis outages, crashes, a lost lease). */
    public farmhand.farm.backend.EpisodeHealth health() {
        return backend.health();
    }

    /** The backend's name, for reports. */
    public String backendName() {
        return backend.name();
    }

    /** Starts a new episode whose workload (and backend randomness) is fixed by {@code seed}. */
    public ResetResult reset(long seed) {
        return reset(seed, config.initialWorkers());
    }

    /** Starts a new episode with {@code initialWorkers} workers instead of the configured number. */
    public ResetResult reset(long seed, int initialWorkers) {
        if (initialWorkers < config.minWorkers() || initialWorkers > config.maxWorkers()) {
            throw new IllegalArgumentException("initialWorkers must be within [" + config.minWorkers() + ", "
                    + config.maxWorkers() + "], was " + initialWorkers);
        }
        var workload = workloads.generate(seed);
        backend.start(new EpisodeSpec(workload, initialWorkers, seed));
        window.clear();
        stepIndex = 0;
        workers = initialWorkers;
        totalTasks = workload.size();
        collected = 0;
        collectedOnTime = 0;
        scalingActions = 0;
        done = false;
        Telemetry t = backend.telemetry();
        lastEnqueued = t.enqueuedTotal();
        lastObservationSeconds = t.nowSeconds();
        absorb(t.nowSeconds());
        Observation obs = observe(t, 0.0);
        lastInfo = info(t, 0, 0, 0.0, 0.0, null);
        return new ResetResult(obs, lastInfo);
    }

    /**
     * Takes one control step.
     *
     * @throws IllegalStateException when called before {@link #reset} or after the episode ended
     * @throws IllegalArgumentException when the action's delta is outside the action space
     */
    public StepResult step(Action action) {
        if (done) {
            throw new IllegalStateException("step() called without an episode in progress: call reset() first");
        }
        actionSpace().requireContains(action);
        double t0 = backend.nowSeconds();
        int requested = action.delta();
        int target = Math.max(config.minWorkers(), Math.min(config.maxWorkers(), workers + requested));
        int applied = target - workers;
        ScaleOutcome outcome;
        try {
            outcome = applied == 0 ? ScaleOutcome.NONE : backend.scale(applied);
        } catch (PartialScaleException e) {
            workers += e.outcome().appliedDelta(); // the workers that did change stay counted, as the farm counts them
            throw e;
        }
        workers += outcome.appliedDelta();
        if (requested != 0) {
            scalingActions++;
        }
        double scaled = backend.nowSeconds();
        double end = Math.max(t0 + config.stepSeconds(),
                outcome.scalingSeconds() > 0 ? scaled + config.settleSeconds() : t0);
        backend.advanceTo(end);
        stepIndex++;

        Telemetry t = backend.telemetry();
        double elapsed = t.nowSeconds() - lastObservationSeconds;
        double arrival = elapsed > 0 ? (t.enqueuedTotal() - lastEnqueued) / elapsed : 0.0;
        lastEnqueued = t.enqueuedTotal();
        lastObservationSeconds = t.nowSeconds();
        absorb(t.nowSeconds());
        Observation obs = observe(t, arrival);

        boolean terminated = t.drained();
        boolean truncated = !terminated && stepIndex >= config.maxSteps();
        double r = reward.step(obs.workerQueue(), obs.qosFraction(), workers, outcome.appliedDelta());
        int pending = Math.max(0, totalTasks - collected);
        r += reward.terminal(terminated, truncated, pending);
        done = terminated || truncated;
        Double finalQos = done ? (collected == 0 ? 0.0 : (double) collectedOnTime / collected) : null;
        lastInfo = info(t, requested, outcome.appliedDelta(), outcome.scalingSeconds(), t.nowSeconds() - t0, finalQos);
        return new StepResult(obs, r, terminated, truncated, lastInfo);
    }

    /** The info of the last reset or step. */
    public StepInfo lastInfo() {
        return lastInfo;
    }

    private void absorb(double now) {
        for (CompletedTask c : backend.drainCollected()) {
            collected++;
            if (c.metDeadline()) {
                collectedOnTime++;
            }
            window.addLast(c);
        }
        double from = now - config.windowSeconds();
        while (!window.isEmpty() && window.peekFirst().collectSeconds() <= from) {
            window.removeFirst();
        }
    }

    private Observation observe(Telemetry t, double arrivalRate) {
        double avg = config.idleCompletionSeconds();
        double max = config.idleCompletionSeconds();
        double qos = 1.0;
        if (!window.isEmpty()) {
            double sum = 0;
            double hi = Double.NEGATIVE_INFINITY;
            int ok = 0;
            for (CompletedTask c : window) {
                double ct = c.completionSeconds();
                sum += ct;
                hi = Math.max(hi, ct);
                if (c.metDeadline()) {
                    ok++;
                }
            }
            avg = sum / window.size();
            max = hi;
            qos = (double) ok / window.size();
        }
        return new Observation(t.inputQueue(), t.workerQueue(), t.resultQueue(), t.outputQueue(), workers,
                avg, max, arrivalRate, qos);
    }

    private StepInfo info(Telemetry t, int requested, int applied, double scalingSeconds, double stepSeconds,
                          Double finalQos) {
        return new StepInfo(stepIndex, requested, applied, scalingSeconds, stepSeconds, t.nowSeconds(),
                t.enqueuedTotal(), collected, Math.max(0, totalTasks - collected), scalingActions,
                collected - collectedOnTime, t.deadLettered(), t.lost(), finalQos);
    }

    @Override
    public void close() {
        backend.close();
    }
}
