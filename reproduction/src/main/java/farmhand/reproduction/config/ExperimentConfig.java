package farmhand.reproduction.config;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.backend.FarmBackend;
import farmhand.farm.workload.WorkloadGenerator;
import farmhand.controllers.policy.dqn.DqnConfig;
import farmhand.controllers.policy.reactive.ReactiveConfig;
import farmhand.controllers.policy.sarsa.SarsaConfig;
import farmhand.controllers.reward.RewardConfig;
import farmhand.farm.workload.WorkloadConfig;
import java.util.Objects;

/**
 * One experiment: everything the paper fixes, in one YAML file ({@link ConfigLoader}), with the
 * paper's values as defaults ({@link #paper()}). Immutable.
 *
 * @param workload the task stream (SPEC section 2)
 * @param environment the control loop (SPEC section 3)
 * @param reward the reward weights (SPEC section 4)
 * @param platform the scale-latency profile (SPEC section 7)
 * @param simulator the simulator's timing parameters
 * @param reactive the reactive baselines' parameters (SPEC section 5)
 * @param sarsa SARSA(lambda) hyperparameters (default {@link SarsaConfig#tuned()}; the paper's are
 *              {@link SarsaConfig#paper()}: alpha 0.025, epsilonDecay 0.995, epsilonFloor 0.1)
 * @param dqn Double DQN hyperparameters (default {@link DqnConfig#paper()})
 * @param training how agents are trained
 * @param live the live farm's queue names and poll interval
 */
public record ExperimentConfig(WorkloadConfig workload, EnvironmentConfig environment, RewardConfig reward,
                               PlatformSettings platform, SimulatorSettings simulator, ReactiveConfig reactive,
                               SarsaConfig sarsa, DqnConfig dqn, TrainingSettings training,
                               LiveSettings live) {

    public ExperimentConfig {
        Objects.requireNonNull(workload, "workload");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(reward, "reward");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(simulator, "simulator");
        Objects.requireNonNull(reactive, "reactive");
        Objects.requireNonNull(sarsa, "sarsa");
        Objects.requireNonNull(dqn, "dqn");
        Objects.requireNonNull(training, "training");
        Objects.requireNonNull(live, "live");
    }

    /** A copy with other platform settings. */
    public ExperimentConfig withPlatform(PlatformSettings newPlatform) {
        return new ExperimentConfig(workload, environment, reward, newPlatform, simulator, reactive, sarsa, dqn, training, live);
    }

    /** A copy whose control loop is {@code newEnvironment}. */
    public ExperimentConfig withEnvironment(EnvironmentConfig newEnvironment) {
        return new ExperimentConfig(workload, newEnvironment, reward, platform, simulator, reactive, sarsa, dqn, training, live);
    }

    /** A copy whose environment rewards with {@code newReward} (for training with another preset). */
    public ExperimentConfig withReward(RewardConfig newReward) {
        return new ExperimentConfig(workload, environment, newReward, platform, simulator, reactive, sarsa, dqn, training, live);
    }

    /** A copy with another workload (for comparing policies across workloads). */
    public ExperimentConfig withWorkload(WorkloadConfig newWorkload) {
        return new ExperimentConfig(newWorkload, environment, reward, platform, simulator, reactive, sarsa, dqn, training, live);
    }

    /** The environment of this experiment over {@code backend} (which it then owns). */
    public FarmEnvironment environment(FarmBackend backend) {
        return new FarmEnvironment(backend, new WorkloadGenerator(workload), environment, new RewardFunction(reward));
    }

    /** The paper's experiment, as deployed, on the measured OpenFaaS latency profile. */
    public static ExperimentConfig paper() {
        return new ExperimentConfig(WorkloadConfig.paper(), EnvironmentConfig.paper(), RewardConfig.DEFAULT,
                PlatformSettings.paper(), SimulatorSettings.paper(), ReactiveConfig.paper(), SarsaConfig.tuned(),
                DqnConfig.paper(), TrainingSettings.defaults(), LiveSettings.paper());
    }
}
