package farmhand.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.bench.BenchTarget.Verdict;
import farmhand.controllers.catalog.PolicyKind;
import org.junit.jupiter.api.Test;

class BenchTargetTest {

    @Test
    void everyDecisionHasTheIssuesTarget() {
        for (PolicyKind k : PolicyKind.values()) {
            double limit = BenchTarget.of("ControllerBenchmark.decide", k.name()).orElseThrow().limit();
            assertEquals(k == PolicyKind.SARSA ? 100 : k == PolicyKind.DQN ? 500 : 50, limit, k.name());
        }
    }

    @Test
    void rowsWithoutATargetHaveNone() {
        assertTrue(BenchTarget.of("ControllerBenchmark.reward", "SARSA").isEmpty());
        assertTrue(BenchTarget.of("DqnUpdateBenchmark.minibatchUpdate", "").isEmpty());
    }

    @Test
    void aTimeIsMetOnlyWhenItsWholeErrorIntervalIsUnderTheBound() {
        BenchTarget t = BenchTarget.of("ControllerBenchmark.decide", "DQN").orElseThrow();
        assertEquals(Verdict.MET, t.judge(400, 50));
        assertEquals(Verdict.WITHIN_ERROR, t.judge(480, 50));
        assertEquals(Verdict.MISSED, t.judge(2099, 997));
        assertEquals(Verdict.MET, t.judge(500, Double.NaN));
    }

    @Test
    void anEpisodeRateIsMetOnlyWhenItsWholeErrorIntervalIsOverTwoThousandPerSecond() {
        BenchTarget t = BenchTarget.of("SimulatorBenchmark.simulatedEpisode", "").orElseThrow();
        assertEquals(Verdict.MET, t.judge(2600, 300));
        assertEquals(Verdict.WITHIN_ERROR, t.judge(1836, 533));
        assertEquals(Verdict.MISSED, t.judge(1500, 100));
    }

    @Test
    void policyConstantsReadAsTheirSpelling() {
        assertEquals("reactive-average", BenchTarget.paramText("REACTIVE_AVERAGE"));
        assertEquals("", BenchTarget.paramText(""));
    }
}
