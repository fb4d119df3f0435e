package farmhand.farm.platform.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.container.ContainerEngine;
import farmhand.farm.testing.ContainerTests;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class DockerPlatformShutdownTest {

    @Test
    void aFarmProcessThatIsSentSigtermLeavesNoContainerOfItsRunBehind() throws Exception {
        ContainerTests.assumeEngine();
        assertTrue(ContainerEngine.hasImage(DockerPlatformConfig.DEFAULT_IMAGE),
                "the function image " + DockerPlatformConfig.DEFAULT_IMAGE + " is missing");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SigtermChild.class.getName())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String run = null;
            StringBuilder seen = new StringBuilder();
            for (String line; (line = out.readLine()) != null; ) {
                seen.append(line).append('\n');
                if (line.startsWith("RUN ")) {
                    run = line.substring(4).trim();
                    break;
                }
            }
            assertTrue(run != null, "the child printed no run id: " + seen);
            Map<String, String> label = Map.of(DockerPlatform.LABEL_RUN, run);
            assertEquals(6, ContainerEngine.client().listContainersCmd().withLabelFilter(label).exec().size(),
                    "emitter, collector and 4 workers run");
            child.destroy(); // SIGTERM, which runs the shutdown hooks as Ctrl-C does
            Thread.ofVirtual().start(() -> { // drain what it prints while it stops
                try {
                    out.lines().forEach(l -> { });
                } catch (java.io.UncheckedIOException closed) {
                    // the test closed the stream when it ended: nothing is left to drain
                }
            });
            assertTrue(child.waitFor(60, TimeUnit.SECONDS), "the child stopped");
            assertEquals(List.of(), ContainerEngine.client().listContainersCmd().withShowAll(true)
                    .withLabelFilter(label).exec(), "no container of the run is left");
        } finally {
            child.destroyForcibly();
        }
    }
}
