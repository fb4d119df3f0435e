package farmhand.reproduction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluation;
import farmhand.farm.backend.EpisodeHealth;
import farmhand.farm.queue.FarmAccount;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EpisodeChecksTest {

    private static final FarmAccount BALANCED = FarmAccount.of(1140, 1140, Map.of(), 0, 0, 0, 0);
    private static final EpisodeHealth OUTAGE = new EpisodeHealth(12, 1, 73.5, 0, 0, 0, null);

    private static EpisodeMetrics episode(long seed, FarmAccount account, EpisodeHealth health) {
        return new EpisodeMetrics(seed, 12, 30, true, 0.99, 14, 16, 20, 10, 0, 1140, 0, (int) account.lost(),
                List.of(), List.of(), account, health, health.disturbedReason(8));
    }

    private static Object[] check(boolean allow, EpisodeMetrics... episodes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = EpisodeChecks.report(Evaluation.of("p", "live", List.of(episodes)), allow,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Object[] {code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8)};
    }

    @Test
    void cleanBalancedEpisodesExitZeroAndTheirAccountIsPrinted() {
        Object[] r = check(false, episode(42, BALANCED, EpisodeHealth.CLEAN));
        assertEquals(0, r[0]);
        assertTrue(((String) r[1]).contains("seed 42: generated 1140, collected 1140"), (String) r[1]);
    }

    @Test
    void aDisturbedEpisodeFailsTheRunUnlessAllowedAndIsMarkedEitherWay() {
        Object[] strict = check(false, episode(42, BALANCED, EpisodeHealth.CLEAN), episode(43, BALANCED, OUTAGE));
        assertEquals(EpisodeChecks.UNTRUSTWORTHY, strict[0]);
        assertTrue(((String) strict[1]).contains("seed 43") && ((String) strict[1]).contains("DISTURBED: Redis was "
                + "unreachable for 73.5 model s"), (String) strict[1]);
        assertTrue(((String) strict[2]).contains("--allow-disturbed"), (String) strict[2]);
        Object[] allowed = check(true, episode(43, BALANCED, OUTAGE));
        assertEquals(0, allowed[0]);
        assertTrue(((String) allowed[1]).contains("DISTURBED"));
    }

    @Test
    void anAccountThatDoesNotBalanceFailsTheRunSayingByHowMuch() {
        FarmAccount missing = FarmAccount.of(1140, 1138, Map.of(), 0, 0, 0, 0);
        Object[] r = check(true, episode(44, missing, EpisodeHealth.CLEAN));
        assertEquals(EpisodeChecks.UNTRUSTWORTHY, r[0]);
        assertTrue(((String) r[1]).contains("does NOT balance: 2 task(s) missing"), (String) r[1]);
    }
}
