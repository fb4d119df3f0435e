package farmhand.reproduction.regression;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class GateTest {

    private static final Thresholds LIMITS = new Thresholds(1.5, 3.0, 0.2, 2.0, 0.5);

    private static RegressionReport report(double timing, double speedup, double qos, double workers) {
        return new RegressionReport("sim", 5.0, List.of(
                Figure.timing("t", timing, "ms", 1.0),
                Figure.plain("s", FigureKind.SPEEDUP, speedup, "x"),
                Figure.plain("q", FigureKind.QOS, qos, "fraction"),
                Figure.plain("w", FigureKind.WORKERS, workers, "workers")));
    }

    private static boolean passed(List<Gate.Verdict> verdicts, String figure) {
        return verdicts.stream().filter(v -> v.figure().equals(figure)).findFirst().orElseThrow().passed();
    }

    @Test
    void eachKindPassesInsideItsLimitAndFailsJustOutside() {
        RegressionReport base = report(1.0, 4.0, 0.90, 12.0);
        List<Gate.Verdict> inside = Gate.compare(base, report(1.49, 3.21, 0.881, 12.49), LIMITS);
        assertTrue(Gate.passed(inside), inside.toString());
        List<Gate.Verdict> outside = Gate.compare(base, report(1.51, 3.19, 0.879, 11.49), LIMITS);
        for (String f : List.of("t", "s", "q", "w")) {
            assertFalse(passed(outside, f), f);
        }
    }

    @Test
    void improvementsPassExceptWorkersWhichMayNotMoveEitherWay() {
        List<Gate.Verdict> v = Gate.compare(report(1.0, 4.0, 0.90, 12.0), report(0.2, 8.0, 1.0, 13.0), LIMITS);
        assertTrue(passed(v, "t") && passed(v, "s") && passed(v, "q"));
        assertFalse(passed(v, "w"));
    }

    @Test
    void aFigureMissingFromTheRunFailsAndANewOnePasses() {
        RegressionReport base = report(1.0, 4.0, 0.9, 12.0);
        RegressionReport now = new RegressionReport("sim", 5.0, List.of(base.figures().get(0), base.figures().get(1),
                base.figures().get(2), Figure.plain("new", FigureKind.QOS, 0.5, "fraction")));
        List<Gate.Verdict> v = Gate.compare(base, now, LIMITS);
        assertFalse(passed(v, "w"));
        assertTrue(passed(v, "new"));
        assertEquals("FAIL w: baseline 12.00 / now - / allowed measured in every run",
                v.stream().filter(x -> x.figure().equals("w")).findFirst().orElseThrow().line());
    }

    @Test
    void aTimingIsComparedAsARatioToTheRunsReferenceSoASlowerMachinePasses() {
        RegressionReport fast = new RegressionReport("sim", 2.0, List.of(Figure.timing("t", 4.0, "ms", 2.0)));
        RegressionReport slow = new RegressionReport("sim", 6.0, List.of(Figure.timing("t", 12.0, "ms", 6.0)));
        assertTrue(Gate.passed(Gate.compare(fast, slow, LIMITS)));
    }
}
