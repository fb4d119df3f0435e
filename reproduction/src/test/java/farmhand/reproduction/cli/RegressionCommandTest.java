package farmhand.reproduction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.reproduction.regression.Gate;
import farmhand.reproduction.regression.RegressionReport;
import farmhand.reproduction.report.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The regression gate itself, on the simulator and the committed baseline and thresholds. */
class RegressionCommandTest {

    /** The repository's ci/ folder (tests run in the module's folder). */
    private static final Path CI = Path.of("..", "ci");

    @TempDir
    Path dir;

    private Object[] regression(Path baseline) {
        return FarmhandCommandTest.run("regression", "--platform", "sim", "--baseline", baseline.toString(),
                "--thresholds", CI.resolve("thresholds.yaml").toString(), "--out", dir.resolve("out").toString());
    }

    @Test
    void theCommittedSimBaselinePassesAndTheSummaryIsWritten() throws Exception {
        Object[] r = regression(CI.resolve("baselines/sim.json"));
        assertEquals(0, r[0], r[1] + "\n" + r[2]);
        JsonNode json = Json.MAPPER.readTree(dir.resolve("out/regression.json").toFile());
        assertTrue(json.get("passed").asBoolean());
        assertTrue(json.get("run").get("figures").size() >= 10, json.toString());
        String md = Files.readString(dir.resolve("out/regression.md"));
        assertTrue(md.contains("| qos.static-15 | "), md);
    }

    @Test
    void aBaselineDoctoredToBeTwiceBetterFailsPrintingBaselineNowAndAllowedPerFigure() throws Exception {
        RegressionReport real = Json.MAPPER.readValue(CI.resolve("baselines/sim.json").toFile(), RegressionReport.class);
        Path doctored = dir.resolve("doctored.json");
        Json.write(doctored, Gate.improved(real, 2));
        Object[] r = regression(doctored);
        assertEquals(1, r[0], r[1] + "\n" + r[2]);
        String out = (String) r[1];
        for (String figure : new String[] {"qos.reactive-average", "workers.static-15", "qos.static-15"}) {
            assertTrue(out.lines().anyMatch(l -> l.startsWith("FAIL " + figure + ": baseline ") && l.contains(" / now ")
                    && l.contains(" / allowed ")), figure + " not failed in:\n" + out);
        }
        assertTrue(((String) r[2]).contains("regressed on sim"), (String) r[2]);
        assertFalse(Json.MAPPER.readTree(dir.resolve("out/regression.json").toFile()).get("passed").asBoolean());
    }

    @Test
    void aPlatformNotInThisBuildExitsWithTwoAndOneLineSayingWhy() {
        for (String platform : new String[] {"k3s"}) {
            Object[] r = FarmhandCommandTest.run("regression", "--platform", platform);
            assertEquals(2, r[0], platform);
            String err = ((String) r[2]).strip();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains("'" + platform + "' is not available here: "), err);
        }
    }

    @Test
    void aReportMeasuredElsewhereIsComparedWithTheBaselineWithoutRunningTheSuite() throws Exception {
        RegressionReport real = Json.MAPPER.readValue(CI.resolve("baselines/sim.json").toFile(), RegressionReport.class);
        RegressionReport k3s = new RegressionReport("k3s", real.referenceMillis(), real.figures());
        Path measured = dir.resolve("measured.json");
        Json.write(measured, k3s);
        Path baseline = dir.resolve("k3s-baseline.json");
        Json.write(baseline, Gate.improved(k3s, 2));
        Object[] r = FarmhandCommandTest.run("regression", "--platform", "k3s", "--measured", measured.toString(),
                "--baseline", baseline.toString(), "--thresholds", CI.resolve("thresholds.yaml").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(1, r[0], r[1] + "\n" + r[2]);
        assertFalse(((String) r[1]).contains("regression suite on"), "the suite ran: " + r[1]);
        assertTrue(((String) r[1]).lines().anyMatch(l -> l.startsWith("FAIL qos.static-15: ")), (String) r[1]);

        Json.write(baseline, k3s);
        Object[] same = FarmhandCommandTest.run("regression", "--platform", "k3s", "--measured", measured.toString(),
                "--baseline", baseline.toString(), "--thresholds", CI.resolve("thresholds.yaml").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(0, same[0], same[1] + "\n" + same[2]);

        Object[] wrong = FarmhandCommandTest.run("regression", "--platform", "local", "--measured", measured.toString(),
                "--baseline", baseline.toString(), "--thresholds", CI.resolve("thresholds.yaml").toString(),
                "--out", dir.resolve("out").toString());
        assertEquals(2, wrong[0]);
        assertTrue(((String) wrong[2]).contains("was measured on 'k3s', not on 'local'"), (String) wrong[2]);
    }

    @Test
    void dockerNamesTheMissingEngineOrFunctionImageInOneLine() {
        java.util.Optional<String> missing = RegressionCommand.missingPart(
                farmhand.reproduction.regression.RegressionPlatform.DOCKER, "farmhand/no-such-image:0");
        assertTrue(missing.isPresent());
        String expected = farmhand.farm.container.ContainerEngine.available()
                ? "the function image farmhand/no-such-image:0 is not in the Docker engine (build it with"
                : "Docker engine";
        assertTrue(missing.get().contains(expected), missing.get());
        assertEquals(1, missing.get().lines().count(), missing.get());
        assertTrue(RegressionCommand.missingPart(farmhand.reproduction.regression.RegressionPlatform.LOCAL,
                "farmhand/no-such-image:0").isEmpty(), "local needs no engine");
    }

    @Test
    void badInputExitsWithTwoNamingWhatWasWrong() throws Exception {
        Object[] unknown = FarmhandCommandTest.run("regression", "--platform", "nope");
        assertEquals(2, unknown[0]);
        assertTrue(((String) unknown[2]).contains("unknown platform 'nope'"), (String) unknown[2]);

        Path thresholds = dir.resolve("t.yaml");
        Files.writeString(thresholds, "defaults:\n  timingRatio: 1.5\n  decisionRatio: 3\n  speedupRelativeDrop: 0.2\n  qosPoints: 2\n"
                + "  workers: 0.5\n  qosPoint: 3\n");
        Object[] badKey = FarmhandCommandTest.run("regression", "--platform", "sim", "--thresholds", thresholds.toString());
        assertEquals(2, badKey[0]);
        assertTrue(((String) badKey[2]).contains("unknown key 'defaults.qosPoint'"), (String) badKey[2]);

        Object[] noBaseline = FarmhandCommandTest.run("regression", "--platform", "sim", "--baseline",
                dir.resolve("missing.json").toString(), "--thresholds", CI.resolve("thresholds.yaml").toString());
        assertEquals(2, noBaseline[0]);
        assertTrue(((String) noBaseline[2]).contains("no baseline at "), (String) noBaseline[2]);
    }

    @Test
    void regressionHasHelpNamingEveryPlatform() {
        Object[] r = FarmhandCommandTest.run("regression", "--help");
        assertEquals(0, r[0]);
        assertTrue(((String) r[1]).contains("Usage: farmhand regression"), (String) r[1]);
        assertTrue(((String) r[1]).contains("sim, local, docker, openfaas, k3s"), (String) r[1]);
    }
}
