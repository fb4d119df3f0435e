package farmhand.controllers.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeadTest {

    private static Evaluation evaluation(String name, long firstSeed, double... finalQos) {
        List<EpisodeMetrics> episodes = new ArrayList<>();
        for (int i = 0; i < finalQos.length; i++) {
            episodes.add(new EpisodeMetrics(firstSeed + i, 12, 30, true, finalQos[i], 12, 12, 0, 30, 0, 1140, 0, 0,
                    List.of(), List.of(), null, farmhand.farm.backend.EpisodeHealth.CLEAN, null));
        }
        return Evaluation.of(name, "sim", episodes);
    }

    @Test
    void leadIsTheMeanPairedDifferenceInPointsWithItsStandardError() {
        Lead lead = Lead.of(evaluation("agent", 42, 0.99, 0.98, 1.00, 0.97),
                evaluation("reactive", 42, 0.60, 0.70, 0.65, 0.75));
        // differences 39, 28, 35, 22 points: mean 31, sample std sqrt(170/3)
        assertEquals(31.0, lead.meanPoints(), 1e-9);
        assertEquals(Math.sqrt(170.0 / 3) / 2, lead.standardErrorPoints(), 1e-9);
        assertEquals(4, lead.episodes());
        assertEquals(31.0 - 1.96 * lead.standardErrorPoints(), lead.lowerBoundPoints(), 1e-9);
    }

    @Test
    void pairingRemovesTheVarianceTheSeedsShare() {
        // the baseline swings 30 points between seeds, the agent follows 30 points above it
        Lead lead = Lead.of(evaluation("agent", 1, 0.90, 0.95, 0.99), evaluation("base", 1, 0.60, 0.65, 0.69));
        assertEquals(30.0, lead.meanPoints(), 1e-9);
        assertEquals(0.0, lead.standardErrorPoints(), 1e-9);
    }

    @Test
    void evaluationsOnOtherSeedsAreRefusedNamingTheSeeds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Lead.of(evaluation("agent", 42, 0.9, 0.9), evaluation("reactive", 52, 0.6, 0.6)));
        assertTrue(e.getMessage().contains("seed 42") && e.getMessage().contains("seed 52"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Lead.of(evaluation("agent", 42, 0.9, 0.9), evaluation("reactive", 42, 0.6)));
    }

    @Test
    void theBetterBaselineIsTheOneWithTheHigherMeanFinalQos() {
        Evaluation average = evaluation("reactive-average", 42, 0.50, 0.52);
        Evaluation maximum = evaluation("reactive-maximum", 42, 0.70, 0.56);
        assertSame(maximum, Lead.better(List.of(average, maximum)));
        assertThrows(IllegalArgumentException.class, () -> Lead.better(List.of()));
    }
}
