package farmhand.reproduction.scaling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingCurveTableTest {

    private static ScalingPoint point(int n, double lateStartSeconds) {
        return new ScalingPoint(30, n, 100.0 / n, n, 1, 2, 1000, Map.of("docker", 5.0), lateStartSeconds);
    }

    @Test
    void aBatchWhoseFunctionsStartedLateIsMarkedDisturbedUnderTheTableWithHowLate() {
        String table = new ScalingCurve(10, 1000, 2.04, List.of("docker"),
                List.of(point(1, 0), point(16, 42.5))).table();
        assertTrue(table.contains("DISTURBED: window 30 s, N = 16: the batch's model time 0 was published 42.5 model s"),
                table);
        assertFalse(table.contains("N = 1:"), table);
    }

    @Test
    void aCurveThatStartedOnTimeHasNoDisturbedLine() {
        String table = new ScalingCurve(10, 1000, 2.04, List.of("docker"), List.of(point(1, 0), point(2, 0.4))).table();
        assertFalse(table.contains("DISTURBED"), table);
    }
}
