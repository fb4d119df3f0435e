package farmhand.farm.platform.docker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DockerPlatformConfigTest {

    @Test
    void theStartAllowanceIsTheFixedPartPlusOneShareForEachInitialFunction() {
        DockerPlatformConfig c = new DockerPlatformConfig("img", 0, Duration.ofSeconds(60), Duration.ofSeconds(2),
                Duration.ofMillis(1500), null);
        assertEquals(Duration.ofSeconds(2), c.startAllowance(0));
        assertEquals(Duration.ofMillis(2000 + 14 * 1500), c.startAllowance(14));
        assertEquals(Duration.ofMillis(2000 + 18 * 1500), c.startAllowance(18));
    }

    @Test
    void theDefaultsAllowTwentyThreeSecondsForTheFourteenFunctionsOfTheStandardFarm() {
        assertEquals(Duration.ofSeconds(23), DockerPlatformConfig.defaults().startAllowance(14));
    }

    @Test
    void aNegativeShareIsRefusedNamingIt() {
        var e = assertThrows(IllegalArgumentException.class, () -> new DockerPlatformConfig("img", 0,
                Duration.ofSeconds(60), Duration.ZERO, Duration.ofSeconds(-1), null));
        assertEquals("startPerFunction must be >= 0, was PT-1S", e.getMessage());
    }
}
