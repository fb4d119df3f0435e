package farmhand.reproduction.config;

import farmhand.controllers.reward.RewardPreset;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.reward.RewardConfig;
import farmhand.farm.workload.ArrivalMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path file(String yaml) throws Exception {
        Path f = dir.resolve("experiment.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private ConfigException refused(String yaml) throws Exception {
        Path f = file(yaml);
        return assertThrows(ConfigException.class, () -> ConfigLoader.load(f));
    }

    @Test
    void theDefaultsRoundTripThroughYaml() {
        assertEquals(ExperimentConfig.paper(), ConfigLoader.parse(ConfigLoader.defaultsYaml(), "defaults"));
    }

    @Test
    void aPartialFileKeepsTheDefaultsOfWhatItLeavesOut() throws Exception {
        ExperimentConfig c = ConfigLoader.load(file("""
                workload:
                  mode: as-described
                environment:
                  initialWorkers: 8
                platform:
                  latencyProfile: instant
                """));
        assertEquals(ArrivalMode.AS_DESCRIBED, c.workload().mode());
        assertEquals(8, c.environment().initialWorkers());
        assertEquals(32, c.environment().maxWorkers());
        assertEquals(RewardConfig.DEFAULT, c.reward());
        assertEquals("instant", c.platform().profile().name());
    }

    @Test
    void aRewardPresetStartsTheSectionAndKeysOverrideIt() throws Exception {
        ExperimentConfig c = ConfigLoader.load(file("""
                reward:
                  preset: paper-sarsa
                  qosWeight: 30
                """));
        assertEquals(30, c.reward().qosWeight());
        assertEquals(RewardConfig.PAPER_SARSA.backlogWeight(), c.reward().backlogWeight());
    }

    @Test
    void theActionSetIsThePapersByDefaultAndWidenedByMaxDeltaPerStep() throws Exception {
        assertEquals(1, ConfigLoader.parse("", "empty").environment().maxDeltaPerStep());
        assertTrue(ConfigLoader.defaultsYaml().contains("maxDeltaPerStep: 1"), ConfigLoader.defaultsYaml());
        ExperimentConfig c = ConfigLoader.load(file("environment:\n  maxDeltaPerStep: 4\n"));
        assertEquals(9, c.environment().actionSpace().count());
    }

    @Test
    void aMaxDeltaPerStepOutsideOneToTheWorkerRangeIsRefusedNamingIt() throws Exception {
        refusedNaming("environment:\n  maxDeltaPerStep: 0\n", "maxDeltaPerStep", "was 0");
        refusedNaming("environment:\n  maxWorkers: 4\n  minWorkers: 1\n  initialWorkers: 2\n  maxDeltaPerStep: 5\n",
                "maxDeltaPerStep must be within [1, 3]");
    }

    @Test
    void aWorkloadPresetStartsTheWorkloadSectionAndKeysOverrideIt() throws Exception {
        ExperimentConfig c = ConfigLoader.load(file("""
                workload:
                  preset: impulse
                  baseRatePerMinute: 200
                """));
        assertEquals(farmhand.farm.workload.WorkloadShape.IMPULSE, c.workload().shape());
        assertEquals(200, c.workload().baseRatePerMinute());
        ExperimentConfig heavy = ConfigLoader.load(file("workload:\n  preset: heavy-tailed\n"));
        assertEquals(farmhand.farm.workload.ServiceDistribution.PARETO, heavy.workload().serviceDistribution());
        ExperimentConfig order = ConfigLoader.load(file("workload:\n  shufflePhasesPerEpisode: true\n  shape: ramp\n"));
        assertTrue(order.workload().shufflePhasesPerEpisode());
        assertEquals(farmhand.farm.workload.WorkloadShape.RAMP, order.workload().shape());
        ExperimentConfig trace = ConfigLoader.load(file("workload:\n  preset: trace\n  traceFile: runs/t.csv\n"));
        assertEquals("runs/t.csv", trace.workload().traceFile());
        assertEquals(trace, ConfigLoader.parse(ConfigLoader.yaml(trace), "round trip"));
    }

    @Test
    void aWrongWorkloadPresetShapeOrMissingTraceFileIsRefusedNamingTheKey() throws Exception {
        ConfigException preset = refused("workload:\n  preset: spiky\n");
        assertTrue(preset.getMessage().contains("key 'workload.preset': unknown workload 'spiky'"), preset.getMessage());
        ConfigException shape = refused("workload:\n  shape: square\n");
        assertTrue(shape.getMessage().contains("workload.shape") && shape.getMessage().contains("phases, impulse"),
                shape.getMessage());
        ConfigException trace = refused("workload:\n  shape: trace\n");
        assertTrue(trace.getMessage().contains("shape trace needs traceFile"), trace.getMessage());
        ConfigException tail = refused("workload:\n  paretoTailIndex: 1\n");
        assertTrue(tail.getMessage().contains("paretoTailIndex must be > 1"), tail.getMessage());
    }

    @Test
    void anUnknownKeyIsRefusedNamingItAndTheFile() throws Exception {
        ConfigException e = refused("environment:\n  stepSecondz: 8\n");
        assertTrue(e.getMessage().contains("environment.stepSecondz"), e.getMessage());
        assertTrue(e.getMessage().contains("experiment.yaml"), e.getMessage());
        assertTrue(e.getMessage().contains("stepSeconds"), "the message lists the known keys: " + e.getMessage());
    }

    @Test
    void minWorkersAboveMaxWorkersIsRefused() throws Exception {
        ConfigException e = refused("environment:\n  minWorkers: 20\n  maxWorkers: 10\n");
        assertTrue(e.getMessage().contains("environment") && e.getMessage().contains("minWorkers"), e.getMessage());
    }

    @Test
    void aNegativeWeightIsRefused() throws Exception {
        ConfigException e = refused("reward:\n  backlogWeight: -2\n");
        assertTrue(e.getMessage().contains("reward") && e.getMessage().contains("backlogWeight"), e.getMessage());
    }

    @Test
    void aValueOfTheWrongTypeIsRefused() throws Exception {
        ConfigException e = refused("environment:\n  maxSteps: many\n");
        assertTrue(e.getMessage().contains("environment.maxSteps"), e.getMessage());
    }

    @Test
    void anUnknownPresetOrProfileIsRefused() throws Exception {
        assertTrue(refused("reward:\n  preset: lavish\n").getMessage().contains("reward.preset"));
        assertTrue(refused("platform:\n  latencyProfile: warp\n").getMessage().contains("latencyProfile"));
    }

    @Test
    void aTrainingRewardPresetIsReadByItsSpellingAndAnUnknownOneIsRefusedListingTheValidOnes() throws Exception {
        Path file = dir.resolve("training.yaml");
        Files.writeString(file, "training:\n  dqnReward: paper-sarsa\n");
        assertEquals(RewardPreset.PAPER_SARSA, ConfigLoader.load(file).training().dqnReward());
        refusedNaming("training:\n  sarsaReward: generous\n", "training.sarsaReward", "unknown reward preset 'generous'",
                "default, paper-sarsa, lean");
        refusedNaming("reward:\n  preset: lavish\n", "expected one of default, paper-sarsa, lean");
        refusedNaming("platform:\n  latencyProfile: warp\n", "openfaas-measured, instant, parametric or a .csv");
        assertFalse(refused("training:\n  sarsaReward: generous\n").getMessage().contains("\n"), "one line");
    }

    @Test
    void theLiveFarmsQueuePrefixAndPollIntervalAreReadAndCheck() throws Exception {
        Path file = dir.resolve("live.yaml");
        Files.writeString(file, "live:\n  queuePrefix: \"farm-a:\"\n");
        ExperimentConfig c = ConfigLoader.load(file);
        assertEquals("farm-a:worker_queue", c.live().queueNames().worker());
        assertEquals(0.1, c.live().pollSeconds(), "a key left out keeps the paper's value");
        assertTrue(refused("live:\n  pollSeconds: 0\n").getMessage().contains("pollSeconds"));
        ConfigException e = refused("live:\n  queuePrefix: \"two words\"\n");
        assertTrue(e.getMessage().contains("queuePrefix") && e.getMessage().contains("two words"), e.getMessage());
    }

    @Test
    void aMissingFileIsRefusedNamingIt() {
        Path missing = dir.resolve("nope.yaml");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(missing));
        assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
    }

    @Test
    void brokenYamlIsRefusedNamingTheFile() throws Exception {
        ConfigException e = refused("environment: [unclosed\n");
        assertTrue(e.getMessage().contains("experiment.yaml") && e.getMessage().contains("YAML"), e.getMessage());
    }

    private void refusedNaming(String yaml, String... words) throws Exception {
        ConfigException e = refused(yaml);
        for (String w : words) {
            assertTrue(e.getMessage().contains(w), "'" + w + "' not in: " + e.getMessage());
        }
    }

    @Test
    void aKeyGivenTwiceIsRefusedNotSilentlyReplaced() throws Exception {
        refusedNaming("environment:\n  maxSteps: 30\n  maxSteps: 5\n", "key 'environment.maxSteps' is given twice",
                "line 3");
    }

    @Test
    void anInfiniteNumberIsRefused() throws Exception {
        refusedNaming("reward:\n  qosWeight: .inf\n", "reward.qosWeight", "finite");
    }

    @Test
    void notANumberIsRefused() throws Exception {
        refusedNaming("simulator:\n  hopSeconds: .nan\n", "simulator.hopSeconds", "finite");
    }

    @Test
    void aFractionWhereAnIntegerGoesIsRefusedNotRounded() throws Exception {
        refusedNaming("environment:\n  maxWorkers: 2.7\n", "environment.maxWorkers", "integer", "2.7");
    }

    @Test
    void aQuotedNumberWhereANumberGoesIsRefused() throws Exception {
        refusedNaming("environment:\n  stepSeconds: \"8\"\n", "environment.stepSeconds", "number", "the string '8'");
    }

    @Test
    void aQuotedNumberInsideAPhaseIsRefused() throws Exception {
        refusedNaming("""
                workload:
                  phases:
                  - name: only
                    multiplier: "1.0"
                    amplitude: 0.0
                    cycles: 0.0
                """, "workload.phases[0].multiplier", "number");
    }

    @Test
    void aMappingWhereAPresetNameGoesIsRefused() throws Exception {
        refusedNaming("reward:\n  preset:\n    name: lean\n", "reward.preset", "preset name", "a mapping");
    }

    @Test
    void aMappingWhereAPlainValueGoesIsRefused() throws Exception {
        refusedNaming("platform:\n  latencyProfile:\n    name: instant\n", "platform.latencyProfile", "string");
    }

    @Test
    void aPhaseLongerThanADayIsRefusedBeforeAnyMemoryIsTaken() throws Exception {
        refusedNaming("workload:\n  phaseSeconds: 1e9\n", "workload", "phaseSeconds");
    }

    @Test
    void aPhaseTooShortForATaskIsRefused() throws Exception {
        refusedNaming("workload:\n  phaseSeconds: 1e-9\n", "workload", "phaseSeconds");
    }

    @Test
    void anArrivalRateGivingMoreTasksThanAnEpisodeCanHoldIsRefused() throws Exception {
        refusedNaming("workload:\n  baseRatePerMinute: 1e300\n", "workload", "baseRatePerMinute", "tasks per episode");
    }

    @Test
    void aWholeNumberWhereAFractionGoesIsAccepted() throws Exception {
        assertEquals(9.0, ConfigLoader.load(file("environment:\n  stepSeconds: 9\n")).environment().stepSeconds());
    }
}
