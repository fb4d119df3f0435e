package farmhand.farm.testing;

import farmhand.farm.backend.CompletedTask;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.platform.Platform;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import redis.clients.jedis.RedisClient;

/** Live farms for tests: on a given Redis and prefix, on the local platform or another one. */
public final class LiveFarms {

    /** The paper's workload for seed 42. */
    public static final Workload PAPER = new WorkloadGenerator(WorkloadConfig.paper()).generate(42);

    private LiveFarms() {
    }

    /** Options for a farm on {@code url} under {@code prefix} at {@code compression}. */
    public static LiveFarmOptions options(String url, String prefix, double compression) {
        return LiveFarmOptions.defaults(compression).withRedis(RedisEndpoint.of(url)).withPrefix(prefix);
    }

    /** A farm on the local platform with the measured OpenFaaS latencies. */
    public static LiveFarmBackend local(String url, String prefix, double compression) {
        return LiveFarmBackend.create(options(url, prefix, compression),
                o -> new LocalPlatform(LatencyProfile.openFaasMeasured(), o.compression()));
    }

    /** A farm with these options on the platform {@code platform} makes. */
    public static LiveFarmBackend on(LiveFarmOptions options, Function<LiveFarmOptions, Platform> platform) {
        return LiveFarmBackend.create(options, platform);
    }

    /** Runs the farm until every task is accounted for (or 700 model seconds), returning what was collected. */
    public static List<CompletedTask> runToEnd(LiveFarmBackend farm) {
        List<CompletedTask> all = new ArrayList<>();
        for (double t = Math.ceil(farm.nowSeconds() / 8) * 8 + 8; t <= 700; t += 8) {
            farm.advanceTo(t);
            boolean drained = farm.telemetry().drained(); // read before draining: nothing arrives after it
            all.addAll(farm.drainCollected());
            if (drained) {
                break;
            }
        }
        return all;
    }

    /** A plain Redis client, as a foreign party (another program) would use the farm's Redis. */
    public static RedisClient foreignClient(String url) {
        return RedisClient.create(java.net.URI.create(url));
    }
}
