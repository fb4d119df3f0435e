package farmhand.bench;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.ObservationSpace;
import farmhand.controllers.env.ResetResult;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.env.StepResult;
import farmhand.controllers.policy.Policy;
import farmhand.controllers.policy.reactive.ReactivePolicy;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.ArrayList;
import java.util.List;

/**
 * What a controller sees over whole simulated episodes (ReactiveAverage on the calibrated
 * simulator, paper workload, seeds 42-44): varied observations the JIT cannot fold into constants.
 *
 * @param observations one per decision, in episode order
 * @param infos the step info beside each observation
 * @param rewards the reward of the step each observation led to
 * @param episodeStart true where an episode starts (policies are reset there)
 * @param space the environment's observation space (for the DQN's input scaling)
 */
record RecordedSteps(Observation[] observations, StepInfo[] infos, double[] rewards, boolean[] episodeStart,
                     ObservationSpace space) {

    static RecordedSteps record() {
        List<Observation> obs = new ArrayList<>();
        List<StepInfo> infos = new ArrayList<>();
        List<Double> rewards = new ArrayList<>();
        List<Boolean> starts = new ArrayList<>();
        Policy policy = ReactivePolicy.average();
        try (FarmEnvironment env = new FarmEnvironment(SimulatedFarm.paper(), new WorkloadGenerator(WorkloadConfig.paper()),
                EnvironmentConfig.paper(), new RewardFunction(RewardConfig.DEFAULT))) {
            for (long seed = 42; seed <= 44; seed++) {
                ResetResult reset = env.reset(seed, 12);
                policy.reset(seed);
                Observation o = reset.observation();
                StepInfo info = reset.info();
                StepResult r;
                boolean first = true;
                do {
                    r = env.step(policy.act(o, info));
                    obs.add(o);
                    infos.add(info);
                    rewards.add(r.reward());
                    starts.add(first);
                    first = false;
                    o = r.observation();
                    info = r.info();
                } while (!r.done());
            }
            boolean[] start = new boolean[starts.size()];
            for (int i = 0; i < start.length; i++) {
                start[i] = starts.get(i);
            }
            return new RecordedSteps(obs.toArray(Observation[]::new), infos.toArray(StepInfo[]::new),
                    rewards.stream().mapToDouble(Double::doubleValue).toArray(), start, env.observationSpace());
        }
    }

    int size() {
        return observations.length;
    }
}
