package farmhand.reproduction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import farmhand.farm.platform.LatencyProfile;
import org.junit.jupiter.api.Test;

class LiveOptionsTest {

    @Test
    void optionsMadeInCodeRatherThanParsedRunOnTheLocalPlatform() {
        // ci/regression builds its LiveOptions in code: picocli's default never reached the field (an NPE)
        LiveOptions options = new LiveOptions();
        assertEquals(farmhand.farm.platform.PlatformKind.LOCAL, options.platform());
        assertNotNull(options.platformFactory(LatencyProfile.instant()));
    }
}
