package farmhand.controllers.training;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.ObservationSpace;
import farmhand.controllers.policy.dqn.DqnAgent;
import farmhand.controllers.policy.dqn.DqnConfig;
import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardFunction;
import farmhand.farm.sim.SimulatedFarm;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import farmhand.controllers.policy.dqn.QNetwork;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class DqnTrainerTest {

    private static DqnAgent train(long seed, int episodes) {
        try (FarmEnvironment env = new FarmEnvironment(SimulatedFarm.paper(),
                new WorkloadGenerator(WorkloadConfig.paper()), EnvironmentConfig.paper(),
                new RewardFunction(RewardConfig.DEFAULT))) {
            DqnAgent agent = new DqnAgent(DqnConfig.paper(), ObservationSpace.PAPER, seed);
            TrainingResult<DqnAgent> r = new Trainer(env).train(new DqnLearner(agent),
                    new TrainingPlan(episodes, seed, 0, 0, List.of(), false), TrainingListener.none());
            assertEquals(episodes, r.reports().size());
            assertTrue(agent.updates() > 0, "no update after warm-up");
            assertEquals(agent.steps() - DqnConfig.paper().warmupSteps() + 1, agent.updates(),
                    "one update per step once warmed up");
            return r.agent();
        }
    }

    @Test
    void theSameSeedTrainsTheSameNetwork() {
        Observation o = new Observation(2, 40, 1, 300, 10, 4, 8, 7, 0.6);
        DqnAgent a = train(5, 20);
        DqnAgent b = train(5, 20);
        assertArrayEquals(a.online().q(a.input(o)), b.online().q(b.input(o)));
    }

    /**
     * Pins the exact bits of a short training run (20 episodes, ~200 optimiser steps): the network's
     * arithmetic is plain Java in a fixed order, so this checksum is the same on every machine. A
     * change here means the DQN's results changed: re-measure Table III before updating it.
     */
    @Test
    void aShortTrainingRunGivesTheSameWeightsBitForBitOnEveryMachine() throws NoSuchAlgorithmException {
        DqnAgent a = train(5, 20);
        assertEquals("b007662c686c7f54c87d16510c5572e0e6ec4facce3113485a6125088a1963cb", checksum(a.online(), a.target()));
    }

    /** SHA-256 of every weight's and bias's bits, online network then target, layer by layer. */
    static String checksum(QNetwork... nets) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        ByteBuffer bits = ByteBuffer.allocate(Long.BYTES);
        for (QNetwork net : nets) {
            for (int l = 0; l < net.weightedLayers(); l++) {
                for (double[] row : net.weights(l)) {
                    for (double v : row) {
                        sha.update(bits.clear().putLong(Double.doubleToRawLongBits(v)).array());
                    }
                }
                for (double v : net.biases(l)) {
                    sha.update(bits.clear().putLong(Double.doubleToRawLongBits(v)).array());
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
