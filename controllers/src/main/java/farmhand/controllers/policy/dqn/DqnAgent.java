package farmhand.controllers.policy.dqn;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.ObservationSpace;
import farmhand.farm.workload.Seeds;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Double DQN (SPEC section 5): an online and a target {@link QNetwork}, a uniform replay buffer,
 * a warm-up before learning, one update per environment step, the Double-DQN target, soft (Polyak)
 * target updates every {@code targetUpdateEvery} updates, rewards clipped, inputs clipped to the
 * observation bounds and scaled to [0, 1].
 *
 * <p>Randomness (initial weights, exploration, replay sampling) comes from the seed given at
 * construction. Not thread-safe.
 */
public final class DqnAgent {

    private final DqnConfig config;
    private final ObservationSpace space;
    private final QNetwork online;
    private final QNetwork target;
    private final ReplayBuffer replay;
    private final UniformRandomProvider rng;
    private long steps;
    private long updates;

    /** A fresh agent whose weights and sampling are fixed by {@code seed}. */
    public DqnAgent(DqnConfig config, ObservationSpace space, long seed) {
        this.config = Objects.requireNonNull(config, "config");
        this.space = Objects.requireNonNull(space, "space");
        int[] shape = {Observation.SIZE, config.hidden1(), config.hidden2(), Action.COUNT};
        this.online = new QNetwork(shape, Seeds.source(seed, "dqn-init"));
        this.target = new QNetwork(shape, null);
        this.target.blendFrom(online, 1.0);
        this.online.optimiser(config.learningRate(), config.rmsRho(), config.rmsEpsilon(), config.gradientClipNorm());
        this.replay = new ReplayBuffer(config.replayCapacity());
        this.rng = Seeds.source(seed, "dqn-replay");
    }

    /** A greedy copy of this agent's networks (no replay, no counters), for snapshots and model files. */
    public DqnAgent copy() {
        DqnAgent c = new DqnAgent(config, space, 0);
        c.online.blendFrom(online, 1.0);
        c.target.blendFrom(target, 1.0);
        return c;
    }

    public ObservationSpace space() {
        return space;
    }

    public DqnConfig config() {
        return config;
    }

    public QNetwork online() {
        return online;
    }

    public QNetwork target() {
        return target;
    }

    /** The network input for {@code o}: clipped to the bounds and scaled to [0, 1]. */
    public double[] input(Observation o) {
        return space.normalise(o);
    }

    /** Greedy action index, ties to the highest index. */
    public int greedy(Observation o) {
        return Action.best(online.q(input(o)), 0);
    }

    /** Epsilon-greedy action index. */
    public int explore(Observation o, double epsilon, UniformRandomProvider explorer) {
        if (explorer.nextDouble() < epsilon) {
            return explorer.nextInt(Action.COUNT);
        }
        return greedy(o);
    }

    /**
     * Stores a transition and, once warmed up, takes one optimiser step on a sampled batch.
     *
     * @return the batch's mean absolute TD error, or NaN while warming up
     */
    public double observe(Observation state, int action, double reward, Observation next, boolean done) {
        double r = Math.max(-config.rewardClip(), Math.min(config.rewardClip(), reward));
        replay.add(input(state), action, r, input(next), done);
        steps++;
        if (replay.size() < config.warmupSteps()) {
            return Double.NaN;
        }
        int[] batch = replay.sample(config.batchSize(), rng);
        double[][] x = new double[batch.length][];
        int[] actions = new int[batch.length];
        double[] targets = new double[batch.length];
        for (int i = 0; i < batch.length; i++) {
            int k = batch[i];
            x[i] = replay.state(k);
            actions[i] = replay.action(k);
            targets[i] = replay.done(k) ? replay.reward(k) : DoubleDqnTarget.of(replay.reward(k), false,
                    config.gamma(), online.q(replay.nextState(k)), target.q(replay.nextState(k)));
        }
        double error = online.train(x, actions, targets, config.huberDelta());
        updates++;
        if (updates % config.targetUpdateEvery() == 0) {
            target.blendFrom(online, config.tau());
        }
        return error;
    }

    /** Environment steps observed. */
    public long steps() {
        return steps;
    }

    /** Optimiser steps taken. */
    public long updates() {
        return updates;
    }
}
