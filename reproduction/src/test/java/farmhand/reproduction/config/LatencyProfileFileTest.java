package farmhand.reproduction.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.platform.EmpiricalLatencyProfile;
import farmhand.farm.platform.LatencyProfile;
import farmhand.reproduction.scaling.ScaleUpLatency;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LatencyProfileFileTest {

    @TempDir
    Path dir;

    @Test
    void measuredScaleTimesWrittenAsAProfileFileAreWhatTheSimulatorSettingsLoad() throws Exception {
        ScaleUpLatency measured = new ScaleUpLatency(List.of(900.0, 1100.0), List.of(400.0, 600.0), List.of(0.5, 0.7, 0.9),
                List.of(0.3, 0.4, 0.5));
        Path file = dir.resolve("docker-latency.csv");
        Files.writeString(file, measured.profileCsv("a test", 2, 1));
        LatencyProfile loaded = PlatformSettings.paper().withLatencyProfile(file.toString()).profile();
        EmpiricalLatencyProfile profile = assertInstanceOf(EmpiricalLatencyProfile.class, loaded);
        assertEquals(0.7, profile.meanUpSeconds(), 1e-9);
        assertEquals(0.4, profile.meanDownSeconds(), 1e-9);
        assertEquals("docker-latency.csv", profile.name());
    }

    @Test
    void aProfileForLiveRunsAtCompressionTenHoldsTenModelSecondsForEveryMeasuredWallSecond() throws Exception {
        // a real platform's 2.2 s wall scale-up blocks a farm at time compression 10 for 22 model s: the
        // simulator, which reads model seconds, must load 22, not 2.2
        ScaleUpLatency measured = new ScaleUpLatency(List.of(2268.9), List.of(2223.2), List.of(2.0, 2.4), List.of(0.6, 0.8));
        Path file = dir.resolve("docker-latency.csv");
        Files.writeString(file, measured.profileCsv("a test", 2, 10));
        EmpiricalLatencyProfile profile = assertInstanceOf(EmpiricalLatencyProfile.class,
                PlatformSettings.paper().withLatencyProfile(file.toString()).profile());
        assertEquals(22.0, profile.meanUpSeconds(), 1e-9);
        assertEquals(7.0, profile.meanDownSeconds(), 1e-9);
        assertTrue(Files.readString(file).contains("time compression 10"), Files.readString(file));
    }

    @Test
    void aProfileFileThatCannotBeReadIsRefusedNamingIt() throws Exception {
        Path yaml = dir.resolve("experiment.yaml");
        Files.writeString(yaml, "platform:\n  latencyProfile: " + dir.resolve("missing.csv") + "\n");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.load(yaml));
        assertTrue(e.getMessage().contains("missing.csv"), e.getMessage());
    }

    @Test
    void aProfileFileWithABadRowIsRefusedNamingTheFileAndLine() throws Exception {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "direction,workers_after,seconds\nup,2,0.5\nsideways,3,0.1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PlatformSettings.paper().withLatencyProfile(file.toString()).profile());
        assertTrue(e.getMessage().contains("bad.csv:3"), e.getMessage());
    }
}
