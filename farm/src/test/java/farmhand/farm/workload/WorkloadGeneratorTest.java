package farmhand.farm.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class WorkloadGeneratorTest {

    private static final WorkloadGenerator DEPLOYED = new WorkloadGenerator(WorkloadConfig.paper());
    private static final WorkloadGenerator DESCRIBED =
            new WorkloadGenerator(WorkloadConfig.paper().withMode(ArrivalMode.AS_DESCRIBED));

    @ParameterizedTest
    @EnumSource(ArrivalMode.class)
    void everyPhaseGeneratesExactlyItsTaskCountWhateverTheSeed(ArrivalMode mode) {
        WorkloadGenerator g = new WorkloadGenerator(WorkloadConfig.paper().withMode(mode));
        for (long seed = 0; seed < 200; seed++) {
            int[] perPhase = new int[5];
            Workload w = g.generate(seed);
            for (Task t : w.tasks()) {
                perPhase[t.phase()]++;
            }
            assertEquals(List.of(90, 450, 300, 300), List.of(perPhase[1], perPhase[2], perPhase[3], perPhase[4]),
                    "seed " + seed);
            assertEquals(1140, w.size());
        }
    }

    @Test
    void taskSizesFollowTheCalibratedDistribution() {
        double sum = 0;
        int n = 0;
        int largest = 0;
        for (long seed = 0; seed < 100; seed++) {
            for (Task t : DEPLOYED.generate(seed).tasks()) {
                sum += t.serviceSeconds();
                n++;
                if (t.imageSizePx() == 4096) {
                    largest++;
                }
            }
        }
        double mean = sum / n;
        double shareLargest = (double) largest / n;
        assertEquals(1.47, mean, 0.02, "mean service time over 100 episodes");
        assertTrue(shareLargest > 0.045 && shareLargest < 0.065, "share of 4096 px tasks was " + shareLargest);
    }

    @Test
    void serviceTimeModelGivesThePapersTimes() {
        ServiceTimeModel m = ServiceTimeModel.PAPER;
        assertEquals(0.0465, m.seconds(512), 1e-4);
        assertEquals(0.1810, m.seconds(1024), 1e-4);
        assertEquals(0.7189, m.seconds(2048), 1e-4);
        assertEquals(2.8704, m.seconds(4096), 1e-4);
        assertEquals(2048, m.sizeFor(m.seconds(2048)));
    }

    @Test
    void deadlinesAreTwiceTheServiceTimeClampedToTheBounds() {
        for (Task t : DEPLOYED.generate(7).tasks()) {
            double expected = Math.max(0.1, Math.min(30, 2 * t.serviceSeconds()));
            assertEquals(expected, t.deadlineSeconds(), 1e-12, "task " + t.id());
            assertEquals(ServiceTimeModel.PAPER.seconds(t.imageSizePx()), t.serviceSeconds(), 1e-12);
        }
    }

    @Test
    void sameSeedGivesIdenticalTaskStreamAndAnotherSeedDoesNot() {
        assertEquals(DEPLOYED.generate(42), DEPLOYED.generate(42));
        assertNotEquals(DEPLOYED.generate(42).tasks(), DEPLOYED.generate(43).tasks());
    }

    @Test
    void generationTimesNeverGoBackwards() {
        List<Task> tasks = DESCRIBED.generate(3).tasks();
        for (int i = 1; i < tasks.size(); i++) {
            assertTrue(tasks.get(i).generationSeconds() >= tasks.get(i - 1).generationSeconds());
        }
    }

    @Test
    void asDeployedSkipsEmptyWindowsSoPhaseOneIsShorterThanAsDescribed() {
        double deployed = 0;
        double described = 0;
        int episodes = 100;
        for (long seed = 0; seed < episodes; seed++) {
            deployed += DEPLOYED.generate(seed).phaseStartSeconds().get(1);
            described += DESCRIBED.generate(seed).phaseStartSeconds().get(1);
        }
        deployed /= episodes;
        described /= episodes;
        assertTrue(deployed > 42 && deployed < 48, "as-deployed phase 1 lasted " + deployed + " s on average");
        assertEquals(60, described, 1.0, "as-described phase 1 takes its 60 s");
    }

    @Test
    void asDeployedMeanArrivalRatesPerPhaseMatchTheMeasuredOnes() {
        double[] rate = new double[5];
        int episodes = 100;
        for (long seed = 0; seed < episodes; seed++) {
            Workload w = DEPLOYED.generate(seed);
            for (int p = 0; p < 4; p++) {
                double start = w.phaseStartSeconds().get(p);
                double end = p < 3 ? w.phaseStartSeconds().get(p + 1) : w.generationEndSeconds();
                rate[p + 1] += WorkloadConfig.paper().tasksInPhase(p) / (end - start) / episodes;
            }
        }
        assertEquals(1.9, rate[1], 0.25);
        assertEquals(7.2, rate[2], 0.4);
        assertEquals(5.1, rate[3], 0.3);
        assertEquals(4.7, rate[4], 0.5);
    }

    @Test
    void asDescribedPhaseFourOscillatesFourTimesAndPhaseThreeOnce() {
        double[] three = arrivalsPerWindow(3);
        assertEquals(1, peaks(three), () -> "phase 3 cycles in " + java.util.Arrays.toString(three));
        assertEquals(4, peaks(arrivalsPerWindow(4)), "phase 4 cycles");
    }

    /** Mean arrivals per 1 s window of {@code phase}, as described, over many seeds, lightly smoothed. */
    private static double[] arrivalsPerWindow(int phase) {
        double[] perWindow = new double[60];
        for (long seed = 0; seed < 300; seed++) {
            Workload w = DESCRIBED.generate(seed);
            double start = w.phaseStartSeconds().get(phase - 1);
            for (Task t : w.tasks()) {
                if (t.phase() == phase) {
                    int k = (int) Math.min(59, Math.floor(t.generationSeconds() - start));
                    perWindow[k]++;
                }
            }
        }
        double[] smooth = new double[60];
        for (int i = 0; i < 60; i++) {
            double s = 0;
            int c = 0;
            for (int j = i - 2; j <= i + 2; j++) {
                if (j >= 0 && j < 60) {
                    s += perWindow[j];
                    c++;
                }
            }
            smooth[i] = s / c;
        }
        return smooth;
    }

    /** Number of local maxima clearly above the series mean. */
    private static int peaks(double[] v) {
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        int peaks = 0;
        boolean above = false;
        for (double x : v) {
            if (!above && x > mean * 1.15) {
                peaks++;
                above = true;
            } else if (above && x < mean) {
                above = false;
            }
        }
        return peaks;
    }

    @Test
    void aPhaseShuffleSeedPermutesThePhasesDeterministically() {
        WorkloadGenerator shuffled = new WorkloadGenerator(WorkloadConfig.paper().withPhaseShuffleSeed(5L));
        List<Integer> order = shuffled.generate(1).phaseOrder();
        assertEquals(order, shuffled.generate(2).phaseOrder());
        assertEquals(List.of(1, 2, 3, 4), order.stream().sorted().toList());
        assertEquals(List.of(1, 2, 3, 4), DEPLOYED.generate(1).phaseOrder());
        boolean someOrderDiffers = false;
        for (long s = 0; s < 10 && !someOrderDiffers; s++) {
            someOrderDiffers = !new WorkloadGenerator(WorkloadConfig.paper().withPhaseShuffleSeed(s))
                    .generate(1).phaseOrder().equals(List.of(1, 2, 3, 4));
        }
        assertTrue(someOrderDiffers, "no shuffle seed in 0..9 changed the phase order");
    }

    @Test
    void inputQueueLengthCountsThePhasesNotYetStarted() {
        Workload w = DEPLOYED.generate(11);
        assertEquals(3, w.inputQueueLength(0));
        assertEquals(2, w.inputQueueLength(w.phaseStartSeconds().get(1) + 0.01));
        assertEquals(0, w.inputQueueLength(w.generationEndSeconds() + 100));
    }

    @Test
    void badConfigurationValuesAreRefusedNamingTheComponent() {
        var e = assertThrows(IllegalArgumentException.class, () -> new WorkloadConfig(ArrivalMode.AS_DEPLOYED, 300,
                60, 0, WorkloadConfig.PAPER_PHASES, null, 4, 0.375, 1.5, 2, 0.1, 30, ServiceTimeModel.PAPER));
        assertTrue(e.getMessage().contains("windowsPerPhase"), e.getMessage());
        var d = assertThrows(IllegalArgumentException.class, () -> new WorkloadConfig(ArrivalMode.AS_DEPLOYED, 300,
                60, 60, WorkloadConfig.PAPER_PHASES, null, 4, 0.375, 1.5, 2, 5, 1, ServiceTimeModel.PAPER));
        assertTrue(d.getMessage().contains("maxDeadlineSeconds"), d.getMessage());
        var m = assertThrows(IllegalArgumentException.class, () -> ArrivalMode.of("sideways"));
        assertTrue(m.getMessage().contains("as-deployed"), m.getMessage());
    }
}
