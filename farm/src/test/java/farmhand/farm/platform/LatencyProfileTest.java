package farmhand.farm.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.workload.Seeds;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class LatencyProfileTest {

    @Test
    void theBundledOpenFaasMeasurementsLoadWithTheirMeans() {
        EmpiricalLatencyProfile p = (EmpiricalLatencyProfile) LatencyProfile.openFaasMeasured();
        assertEquals("openfaas-measured", p.name());
        assertEquals(6.41, p.meanUpSeconds(), 0.02);
        assertEquals(2.57, p.meanDownSeconds(), 0.02);
    }

    @Test
    void resamplingIsRepeatableUnderTheSameSeed() {
        LatencyProfile p = LatencyProfile.openFaasMeasured();
        UniformRandomProvider a = Seeds.source(9, "platform");
        UniformRandomProvider b = Seeds.source(9, "platform");
        for (int i = 0; i < 100; i++) {
            assertEquals(p.scaleUpSeconds(a), p.scaleUpSeconds(b));
            assertEquals(p.scaleDownSeconds(a), p.scaleDownSeconds(b));
        }
    }

    @Test
    void instantTakesNoTimeAndParametricMatchesItsMean() {
        UniformRandomProvider rng = Seeds.source(1, "test");
        assertEquals(0.0, LatencyProfile.instant().scaleUpSeconds(rng));
        LatencyProfile p = LatencyProfile.parametric(Duration.ofSeconds(6), Duration.ofSeconds(2),
                Duration.ofSeconds(3), Duration.ofMillis(500));
        double up = 0;
        double down = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            up += p.scaleUpSeconds(rng);
            down += p.scaleDownSeconds(rng);
        }
        assertEquals(6.0, up / n, 0.1);
        assertEquals(3.0, down / n, 0.05);
    }

    @Test
    void aMalformedMeasurementLineIsRefusedNamingTheLine() {
        String csv = "direction,workers_after,seconds\nup,13,5.7\nsideways,13,1.0\n";
        var e = assertThrows(IllegalArgumentException.class, () -> EmpiricalLatencyProfile.read("x",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "lat.csv"));
        assertTrue(e.getMessage().startsWith("lat.csv:3:"), e.getMessage());
    }

    @Test
    void unknownProfileNamesAreRefusedListingTheKnownOnes() {
        var e = assertThrows(IllegalArgumentException.class, () -> LatencyProfile.named("slow"));
        assertTrue(e.getMessage().contains("openfaas-measured"), e.getMessage());
    }
}
