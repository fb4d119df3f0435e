package farmhand.farm.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.testing.LiveFarms;
import farmhand.farm.workload.ArrivalMode;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The paper's workload at ten times its arrival rate, 150 workers, a private Redis: nothing lost or repeated. */
@Tag("load")
class FarmUnderLoadTest {

    @Test
    void tenTimesThePapersArrivalRateWith150WorkersLosesAndRepeatsNothing() {
        WorkloadConfig paper = WorkloadConfig.paper();
        WorkloadConfig tenTimes = new WorkloadConfig(ArrivalMode.AS_DEPLOYED, 10 * paper.baseRatePerMinute(),
                paper.phaseSeconds(), paper.windowsPerPhase(), paper.phases(), null, paper.gammaShape(),
                paper.gammaScaleSeconds(), paper.fallbackSeconds(), paper.deadlineFactor(), paper.minDeadlineSeconds(),
                paper.maxDeadlineSeconds(), paper.serviceTime());
        Workload workload = new WorkloadGenerator(tenTimes).generate(42);
        try (LiveFarmBackend farm = LiveFarmBackend.create(LiveFarmOptions.defaults(20),
                o -> new LocalPlatform(LatencyProfile.instant(), o.compression()))) {
            long t0 = System.nanoTime();
            farm.start(new EpisodeSpec(workload, 150, 42));
            List<CompletedTask> done = LiveFarms.runToEnd(farm);
            double wall = (System.nanoTime() - t0) / 1e9;
            FarmAccount account = farm.account().orElseThrow();
            System.out.printf(Locale.ROOT, "LOAD | %d tasks, 150 workers, compression 20: %d collected in %.1f s wall,"
                    + " %.0f tasks/s; %s%n", workload.size(), done.size(), wall, done.size() / wall, account.describe());
            assertEquals(new FarmAccount(workload.size(), workload.size(), Map.of(), 0, 0, 0, 0, 0), account,
                    account.describe());
            assertEquals(workload.size(), done.stream().map(CompletedTask::taskId).distinct().count());
        }
    }
}
