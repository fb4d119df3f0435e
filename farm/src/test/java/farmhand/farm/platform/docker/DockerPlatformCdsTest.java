package farmhand.farm.platform.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.backend.EpisodeSpec;
import farmhand.farm.container.ContainerEngine;
import farmhand.farm.live.LiveFarmBackend;
import farmhand.farm.live.LiveFarmOptions;
import farmhand.farm.queue.FarmAccount;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.testing.ContainerTests;
import farmhand.farm.testing.LiveEpisodes;
import farmhand.farm.testing.TestRedis;
import farmhand.farm.workload.BatchWorkload;
import farmhand.farm.workload.Workload;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker platform's class-data-sharing archive (the function image built by
 * {@code ./mvnw -pl farm -am package jib:dockerBuild}; {@code -Dfarmhand.functionImage=IMAGE} tests another tag).
 */
class DockerPlatformCdsTest {

    private static final String IMAGE = System.getProperty("farmhand.functionImage", DockerPlatformConfig.DEFAULT_IMAGE);
    private static final Workload BATCH = BatchWorkload.of(20, 0.5, 0, 7);

    @TempDir
    Path cds;

    @BeforeEach
    void needsAnEngineAndTheImage() {
        ContainerTests.assumeEngine();
        assertTrue(ContainerEngine.hasImage(IMAGE), "the function image " + IMAGE + " is missing: ./mvnw -pl farm -am "
                + "package jib:dockerBuild -Dfunction.baseImage=...");
    }

    private FarmAccount runBatch(String prefix) {
        LiveFarmOptions options = LiveFarmOptions.defaults(10).withRedis(RedisEndpoint.of(TestRedis.url()))
                .withPrefix(prefix);
        DockerPlatformConfig config = new DockerPlatformConfig(IMAGE, DockerPlatformConfig.DEFAULT_MEMORY_BYTES,
                java.time.Duration.ofSeconds(60), DockerPlatformConfig.DEFAULT_START_ALLOWANCE,
                DockerPlatformConfig.DEFAULT_START_PER_FUNCTION, cds);
        try (LiveFarmBackend farm = LiveFarmBackend.create(options, o -> new DockerPlatform(config))) {
            farm.start(new EpisodeSpec(BATCH, 2, 7));
            assertEquals(BATCH.size(), LiveEpisodes.runToEnd(farm, 600).size());
            return farm.account().orElseThrow();
        }
    }

    private List<Path> archives() throws IOException {
        try (Stream<Path> files = Files.list(cds)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".jsa")).toList();
        }
    }

    @Test
    void theFirstFarmsFunctionsWriteTheImagesArchiveAtExitAndTheNextFarmRunsOnItWithABalancedAccount()
            throws IOException {
        FarmAccount first = runBatch("cds-1:");
        assertTrue(first.balances(), first.describe());
        List<Path> written = archives();
        assertEquals(1, written.size(), "one archive for the image: " + written);
        long bytes = Files.size(written.getFirst());
        // the farm's classes, Jedis, Jackson and logback: megabytes (an archive of the JDK's start alone is ~0.4 MB)
        assertTrue(bytes > 4_000_000, "the archive holds the functions' classes, was " + bytes + " bytes");
        FarmAccount second = runBatch("cds-2:");
        assertTrue(second.balances(), second.describe());
        assertEquals(written, archives(), "the second farm maps the same archive");
    }
}
