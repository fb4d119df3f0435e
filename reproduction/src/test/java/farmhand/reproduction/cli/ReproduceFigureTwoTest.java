package farmhand.reproduction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import farmhand.farm.platform.PlatformKind;
import farmhand.reproduction.scaling.ScalingSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReproduceFigureTwoTest {

    @Test
    void onTheDockerPlatformFigureTwoRunsTheThirtySecondWindowUpToSixteenContainersAtTheLiveCompression() {
        ScalingSettings s = ReproduceCommand.figureTwoSettings(PlatformKind.DOCKER, 10);
        assertEquals(List.of(30.0), s.windowsSeconds());
        assertEquals(List.of(1, 2, 4, 8, 16), s.workerCounts());
        assertEquals(10.0, s.compression());
        assertEquals(ScalingSettings.paper().tasks(), s.tasks());
        assertEquals(ScalingSettings.paper().serviceSeconds(), s.serviceSeconds());
    }

    @Test
    void onTheLocalPlatformFigureTwoIsThePapersThirtySecondWindow() {
        assertEquals(ScalingSettings.paper().withWindows(List.of(30.0)), ReproduceCommand.figureTwoSettings(PlatformKind.LOCAL, 20));
    }

    @Test
    void reproduceParsesPlatformDockerIntoItsLiveOptions() {
        ReproduceCommand command = new ReproduceCommand();
        picocli.CommandLine cli = new picocli.CommandLine(command);
        Spellings.register(cli); // as FarmhandCommand does: the closed sets read their spellings
        cli.parseArgs("--platform", "docker", "--time-compression", "10");
        assertEquals(PlatformKind.DOCKER, command.live.platform());
        assertEquals(10.0, command.live.timeCompression());
    }
}
