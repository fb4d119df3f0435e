package farmhand.farm.platform.docker;

import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.workload.WorkloadConfig;
import farmhand.farm.workload.WorkloadGenerator;

/**
 * A farm on the Docker platform in a JVM of its own, for {@link DockerPlatformShutdownTest}: starts an
 * episode (its private redis-server and 4 worker containers), prints {@code RUN <id>}, and runs until
 * it is signalled.
 */
public final class SigtermChild {

    private SigtermChild() {
    }

    public static void main(String[] args) {
        LiveFarmOptions options = LiveFarmOptions.defaults(10);
        try (LiveFarmBackend farm = LiveFarmBackend.create(options, o -> new DockerPlatform(DockerPlatformConfig.defaults()))) {
            farm.start(new EpisodeSpec(new WorkloadGenerator(WorkloadConfig.paper()).generate(1), 4, 1));
            System.out.println("RUN " + farm.runId());
            System.out.flush();
            for (double t = 1; ; t += 1) {
                farm.advanceTo(t);
            }
        }
    }
}
