package farmhand.farm.testing;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.live.LiveFarmBackend;
import java.util.ArrayList;
import java.util.List;

/** Runs a started live episode to its end (for tests). */
public final class LiveEpisodes {

    private LiveEpisodes() {
    }

    /** Advances 8 model seconds at a time until every task is accounted for (or {@code maxSeconds}). */
    public static List<CompletedTask> runToEnd(LiveFarmBackend farm, double maxSeconds) {
        List<CompletedTask> all = new ArrayList<>();
        for (double t = farm.nowSeconds() + 8; t <= maxSeconds; t += 8) {
            farm.advanceTo(t);
            boolean drained = farm.telemetry().drained();
            all.addAll(farm.drainCollected());
            if (drained) {
                break;
            }
        }
        return all;
    }
}
