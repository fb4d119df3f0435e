package farmhand.farm.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NamedWorkloadTest {

    private static WorkloadGenerator generator(NamedWorkload w) {
        return new WorkloadGenerator(w.apply(WorkloadConfig.paper(), null));
    }

    @ParameterizedTest
    @EnumSource(value = NamedWorkload.class, names = "TRACE", mode = EnumSource.Mode.EXCLUDE)
    void theSameSeedGivesTheSameArrivalsAndAnotherSeedOtherArrivals(NamedWorkload w) {
        WorkloadGenerator g = generator(w);
        assertEquals(g.generate(42), g.generate(42));
        assertEquals(g.generate(42), generator(w).generate(42));
        assertNotEquals(g.generate(42).tasks(), g.generate(43).tasks());
    }

    @ParameterizedTest
    @EnumSource(value = NamedWorkload.class, names = "TRACE", mode = EnumSource.Mode.EXCLUDE)
    void everyWorkloadKeepsFourPhasesForThePhaseIndicatorAndOrderedArrivals(NamedWorkload w) {
        Workload workload = generator(w).generate(7);
        assertEquals(4, workload.phaseOrder().size());
        assertEquals(Set.of(1, 2, 3, 4), new HashSet<>(workload.phaseOrder()));
        double last = 0;
        for (Task t : workload.tasks()) {
            assertTrue(t.generationSeconds() >= last, w + ": task " + t.id() + " goes back in time");
            last = t.generationSeconds();
        }
        assertTrue(workload.size() > 500, w + " generated only " + workload.size() + " tasks");
    }

    @Test
    void theImpulseHasFourTimesTheRateForTenSecondsAtASeededTime() {
        WorkloadGenerator g = generator(NamedWorkload.IMPULSE);
        double episode = 240;
        double inside = 0;
        double outside = 0;
        double before = 0;
        Set<Double> starts = new HashSet<>();
        int seeds = 60;
        for (long seed = 0; seed < seeds; seed++) {
            double start = WorkloadShape.impulseStartSeconds(seed, episode, 1.0);
            starts.add(start);
            for (Task t : g.generate(seed).tasks()) {
                double at = t.generationSeconds();
                if (at >= start && at < start + 10) {
                    inside++;
                } else {
                    outside++;
                    if (at >= start - 10 && at < start) {
                        before++;
                    }
                }
            }
        }
        double burstRate = inside / (10.0 * seeds);
        double flatRate = outside / ((episode - 10) * seeds);
        assertEquals(5.0 * 0.5, flatRate, 0.1, "flat rate, tasks/s");
        assertEquals(4.0, burstRate / flatRate, 0.2, "burst rate over flat rate");
        assertEquals(1.0, before / (10.0 * seeds) / flatRate, 0.15, "the 10 s before the burst are flat");
        assertTrue(starts.size() > 30, "the burst moves with the seed: " + starts.size() + " distinct starts");
    }

    @Test
    void theRampRisesLinearlyFromPointThreeToOnePointFiveTimesTheBase() {
        WorkloadGenerator g = generator(NamedWorkload.RAMP);
        double[] perQuarter = new double[4];
        int seeds = 40;
        for (long seed = 0; seed < seeds; seed++) {
            for (Task t : g.generate(seed).tasks()) {
                perQuarter[(int) (t.generationSeconds() / 60)] += 1.0 / (60.0 * seeds);
            }
        }
        // quarter means of 0.3 + 1.2 t / 240: 0.45, 0.75, 1.05, 1.35 x 5 tasks/s
        double[] expected = {2.25, 3.75, 5.25, 6.75};
        for (int q = 0; q < 4; q++) {
            assertEquals(expected[q], perQuarter[q], 0.15, "quarter " + q);
        }
    }

    @Test
    void theDiurnalSineHasThreePeriodsOfSixtyPercentAmplitude() {
        WorkloadGenerator g = generator(NamedWorkload.DIURNAL);
        double[] perEighth = new double[24];
        int seeds = 40;
        for (long seed = 0; seed < seeds; seed++) {
            for (Task t : g.generate(seed).tasks()) {
                perEighth[(int) (t.generationSeconds() / 10)] += 1.0 / (10.0 * seeds);
            }
        }
        for (int period = 0; period < 3; period++) {
            // in each 80 s period the rate peaks in 10-30 s and is lowest in 50-70 s
            double peak = (perEighth[8 * period + 1] + perEighth[8 * period + 2]) / 2;
            double trough = (perEighth[8 * period + 5] + perEighth[8 * period + 6]) / 2;
            assertEquals(5.0 * (1 + 0.6 * 0.92), peak, 0.4, "peak of period " + period);
            assertEquals(5.0 * (1 - 0.6 * 0.92), trough, 0.4, "trough of period " + period);
        }
    }

    @Test
    void randomOrderShufflesThePhasesPerEpisodeWithTheEpisodesSeed() {
        WorkloadGenerator g = generator(NamedWorkload.RANDOM_ORDER);
        Set<List<Integer>> orders = new HashSet<>();
        for (long seed = 0; seed < 50; seed++) {
            Workload w = g.generate(seed);
            orders.add(w.phaseOrder());
            assertEquals(w.phaseOrder(), g.generate(seed).phaseOrder());
            int[] perPhase = new int[5];
            for (Task t : w.tasks()) {
                perPhase[t.phase()]++;
            }
            assertEquals(List.of(90, 450, 300, 300), List.of(perPhase[1], perPhase[2], perPhase[3], perPhase[4]));
        }
        assertTrue(orders.size() >= 12, "50 episodes played only " + orders.size() + " of the 24 orders");
    }

    @Test
    void heavyTailedDurationsKeepTheMeanAndGrowTheTail() {
        WorkloadGenerator heavy = generator(NamedWorkload.HEAVY_TAILED);
        WorkloadGenerator paper = generator(NamedWorkload.PAPER);
        List<Double> h = new ArrayList<>();
        List<Double> p = new ArrayList<>();
        for (long seed = 0; seed < 40; seed++) {
            heavy.generate(seed).tasks().forEach(t -> h.add(t.serviceSeconds()));
            paper.generate(seed).tasks().forEach(t -> p.add(t.serviceSeconds()));
        }
        double meanHeavy = h.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        assertEquals(1.5, meanHeavy, 0.1, "Pareto durations keep the Gamma's mean");
        double paperMax = p.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        long beyond = h.stream().filter(s -> s > paperMax).count();
        // Pareto(2.2, 0.818): P(t > 2.87 s) = (0.818 / 2.87)^2.2 = 6.3 %
        assertEquals(0.063, (double) beyond / h.size(), 0.01, "share of tasks longer than the paper's longest");
        assertTrue(h.stream().anyMatch(s -> s > 8), "some task longer than 8 s");
    }

    @Test
    void namesParseWithTheTraceFileAndRefuseMisplacedFiles() {
        WorkloadConfig paper = WorkloadConfig.paper();
        assertEquals(WorkloadShape.TRACE, NamedWorkload.parse("trace=runs/t.csv", paper).shape());
        assertEquals("runs/t.csv", NamedWorkload.parse("trace=runs/t.csv", paper).traceFile());
        assertEquals(WorkloadShape.IMPULSE, NamedWorkload.parse("impulse", paper).shape());
        var unknown = assertThrows(IllegalArgumentException.class, () -> NamedWorkload.parse("spiky", paper));
        assertTrue(unknown.getMessage().contains("unknown workload 'spiky'"), unknown.getMessage());
        assertTrue(unknown.getMessage().contains("impulse"), unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> NamedWorkload.parse("trace", paper));
        assertThrows(IllegalArgumentException.class, () -> NamedWorkload.parse("ramp=x.csv", paper));
        var noFile = assertThrows(IllegalArgumentException.class,
                () -> paper.withShape(WorkloadShape.RAMP, "x.csv"));
        assertTrue(noFile.getMessage().contains("traceFile is read only with shape trace"), noFile.getMessage());
    }
}
