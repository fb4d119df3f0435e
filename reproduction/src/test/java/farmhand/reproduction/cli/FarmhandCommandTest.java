package farmhand.reproduction.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.catalog.PolicyKind;
import farmhand.farm.testing.TestRedis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class FarmhandCommandTest {

    @TempDir
    Path dir;

    /** Runs the tool, capturing stdout and stderr; returns {exit code, out, err}. */
    static Object[] run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = FarmhandCommand.run(args);
            return new Object[] {code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8)};
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    @Test
    void evaluateWritesTheDocumentedJson() throws Exception {
        Path json = dir.resolve("ra.json");
        Object[] r = run("evaluate", "--policy", "reactive-average", "--episodes", "2", "--json", json.toString());
        assertEquals(0, r[0], () -> "stderr: " + r[2]);
        assertTrue(((String) r[1]).contains("reactive-average (sim)"));
        JsonNode root = new JsonMapper().readTree(json.toFile());
        assertEquals("reactive-average", root.get("policy").asString());
        assertEquals("sim", root.get("backend").asString());
        assertEquals(2, root.get("episodes").size());
        JsonNode episode = root.get("episodes").get(0);
        assertEquals(42, episode.get("seed").asInt());
        assertTrue(episode.get("trace").size() > 20);
        double qos = root.get("summary").get("finalQos").get("mean").asDouble();
        assertTrue(qos >= 0 && qos <= 1, "QoS is a fraction: " + qos);
        assertTrue(root.get("summary").get("finalQos").has("std"));
        for (String key : new String[] {"meanWorkers", "maxWorkers", "scalingActions", "noops"}) {
            assertTrue(root.get("summary").get(key).has("mean"), key);
        }
        JsonNode phases = root.get("summary").get("phases");
        assertEquals(4, phases.size());
        assertEquals(1, phases.get(0).get("phase").asInt());
        double phaseQos = phases.get(0).get("meanStepQos").get("mean").asDouble();
        assertTrue(phaseQos >= 0 && phaseQos <= 1);
    }

    @Test
    void aLiveEvaluationKeepsToTheQueuePrefixOfItsConfigSoFarmsCanShareARedis() throws Exception {
        Path config = dir.resolve("live.yaml");
        Files.writeString(config, "live:\n  queuePrefix: \"cli-farm:\"\n  pollSeconds: 0.2\n");
        try (var redis = farmhand.farm.testing.LiveFarms.foreignClient(TestRedis.url())) {
            // other tests of this JVM may have left keys under other prefixes: they must stay as they are
            var othersBefore = redis.keys("*").stream().filter(k -> !k.startsWith("cli-farm:")).sorted().toList();
            Object[] r = run("evaluate", "--policy", "static", "--workers", "16", "--episodes", "1", "--backend", "live",
                    "--redis", TestRedis.url(), "--time-compression", "20", "--config", config.toString());
            assertEquals(0, r[0], () -> "stderr: " + r[2]);
            String out = (String) r[1];
            assertTrue(out.contains("static (live)"), out);
            assertTrue(out.contains("episode accounts:") && out.contains("generated 1140, collected 1140")
                    && out.contains("lost 0"), "the account is printed after a live evaluation: " + out);
            assertEquals(List.of(), redis.keys("cli-farm:*").stream().toList(), "the run removed its keys");
            var othersAfter = redis.keys("*").stream().filter(k -> !k.startsWith("cli-farm:")).sorted().toList();
            assertTrue(othersAfter.containsAll(othersBefore), "keys of other farms were touched");
        }
    }

    @Test
    void aBadConfigExitsWithTwoAndOneLineNamingTheKey() throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, "environment:\n  minWorkers: 40\n");
        Object[] r = run("evaluate", "--policy", "reactive-average", "--config", bad.toString());
        assertEquals(2, r[0]);
        String err = (String) r[2];
        assertTrue(err.startsWith("farmhand: error: ") && err.contains("bad.yaml") && err.contains("minWorkers"), err);
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @Test
    void anUnknownPolicyOrBackendExitsWithTwo() {
        Object[] p = run("evaluate", "--policy", "oracle", "--episodes", "1");
        assertEquals(2, p[0]);
        assertTrue(((String) p[2]).contains("reactive-average"), (String) p[2]);
        Object[] b = run("evaluate", "--policy", "reactive-average", "--backend", "cloud", "--episodes", "1");
        assertEquals(2, b[0]);
        assertTrue(((String) b[2]).contains("unknown backend 'cloud'"), (String) b[2]);
    }

    @Test
    void evaluatesHelpListsEveryPolicyOfTheCatalog() {
        String help = (String) run("evaluate", "--help")[1];
        for (String policy : PolicyKind.names()) {
            assertTrue(help.contains(policy), policy + " missing from: " + help);
        }
    }

    @Test
    void aValueOutsideAClosedSetIsOneLineListingTheValidOnes() {
        Object[][] runs = {
            run("evaluate", "--policy", "oracle", "--episodes", "1"),
            run("evaluate", "--policy", "static", "--backend", "cloud", "--episodes", "1"),
            run("evaluate", "--policy", "static", "--backend", "live", "--platform", "moon", "--episodes", "1"),
            run("train", "--policy", "static", "--episodes", "1"),
            run("scaling-curve", "--platform", "cloud"),
            run("regression", "--platform", "cloud"),
        };
        String[] expected = {
            "expected one of " + String.join(", ", PolicyKind.names()),
            "unknown backend 'cloud': expected one of sim, live",
            "unknown platform 'moon': expected one of local, process, docker, openfaas",
            "cannot train policy 'static': expected one of sarsa, dqn",
            "expected one of bare, openfaas-measured, both, docker",
            "expected one of sim, local, docker, openfaas, k3s",
        };
        for (int i = 0; i < runs.length; i++) {
            String err = (String) runs[i][2];
            assertEquals(2, runs[i][0], err);
            assertTrue(err.contains(expected[i]), expected[i] + " not in: " + err);
            assertEquals(1, err.strip().lines().count(), err);
        }
    }

    @Test
    void everySubcommandHasHelp() {
        for (String sub : new String[] {"reproduce", "evaluate", "train", "fidelity", "scaling-curve", "config"}) {
            Object[] r = run(sub, "--help");
            assertEquals(0, r[0], sub);
            assertTrue(((String) r[1]).contains("Usage: farmhand " + sub), sub + ": " + r[1]);
        }
    }

    @Test
    void configPrintsDefaultsThatCheckAsValid() throws Exception {
        Object[] r = run("config");
        assertEquals(0, r[0]);
        Path f = dir.resolve("defaults.yaml");
        Files.writeString(f, (String) r[1]);
        Object[] check = run("config", "--check", f.toString());
        assertEquals(0, check[0], () -> (String) check[2]);
    }

    @Test
    void scalingCurveWritesEveryPointAndTheScaleUpLatencyAsJson() throws Exception {
        Path json = dir.resolve("scaling.json");
        Object[] r = run("scaling-curve", "--tasks", "24", "--windows", "0", "--workers", "1,2", "--platform", "bare",
                "--time-compression", "100", "--scale-ups", "3", "--redis", farmhand.farm.testing.TestRedis.url(),
                "--json", json.toString(), "--figure", dir.resolve("fig2.png").toString());
        assertEquals(0, r[0], () -> (String) r[2]);
        assertTrue(Files.size(dir.resolve("fig2.png")) > 1000, "the figure is a real PNG");
        assertTrue(((String) r[1]).contains("| 0 | 2 |"), (String) r[1]);
        JsonNode root = new JsonMapper().readTree(json.toFile());
        JsonNode points = root.get("curve").get("points");
        assertEquals(2, points.size());
        assertEquals(24, points.get(1).get("collected").asInt());
        assertTrue(points.get(1).get("initSeconds").has("bare"), points.toString());
        JsonNode latency = root.get("scaleUpLatency");
        assertEquals(3, latency.get("samplesMillis").size());
        assertTrue(latency.get("p95Millis").asDouble() >= latency.get("p50Millis").asDouble(), latency.toString());
    }

    @Test
    void scalingCurveRefusesAnUnknownPlatformAndDescendingWorkers() {
        Object[] p = run("scaling-curve", "--platform", "lambda");
        assertEquals(2, p[0]);
        assertTrue(((String) p[2]).contains("--platform"), (String) p[2]);
        Object[] w = run("scaling-curve", "--workers", "4,2");
        assertEquals(2, w[0]);
        assertTrue(((String) w[2]).contains("workerCounts"), (String) w[2]);
    }

    @Test
    void reproduceWritesTheTableAFileAPolicyEveryFigureTheLeadOverManySeedsAndTheOracleFrontier() throws Exception {
        Path out = dir.resolve("repro");
        Object[] r = run("reproduce", "--out", out.toString(), "--episodes", "2", "--lead-episodes", "6", "--no-scaling-curve");
        assertEquals(0, r[0], () -> (String) r[2]);
        assertTrue(Files.readString(out.resolve("table3.md")).contains("static-15"));
        // three static rows of one policy are told apart by their labels, in the files and the figures
        JsonNode static15 = new JsonMapper().readTree(out.resolve("static-15.json").toFile());
        assertEquals("static-15", static15.get("policy").asString());
        String index = Files.readString(out.resolve("README.md"));
        for (String png : new String[] {"fig4-arrivals.png", "fig5-qos-vs-resources.png", "fig6-policy-comparison.png",
            "fig6-other-policies.png", "training-curves.png"}) {
            assertTrue(Files.size(out.resolve(png)) > 1000, png);
            String svg = png.replace(".png", ".svg");
            assertTrue(Files.readString(out.resolve(svg)).contains("<svg"), svg);
            assertTrue(index.contains("](" + png + ")") && index.contains("](" + svg + ")"), "the index embeds " + png);
        }
        assertTrue(index.contains("- commit: ") && index.contains("- machine: ") && index.contains("config.yaml"), index);
        java.util.List<String> csv = Files.readAllLines(out.resolve("table3-vs-paper.csv"));
        assertEquals("policy,phase,metric,paper_mean,paper_std,ours_mean,ours_std,difference", csv.getFirst());
        assertEquals(1 + 4 * (5 + 4 * 2), csv.size(), "four policies, five overall metrics and two per phase");
        String[] sarsaQos = csv.get(1).split(",");
        assertEquals("sarsa,overall,final QoS %", String.join(",", sarsaQos[0], sarsaQos[1], sarsaQos[2]));
        assertEquals(99.20, Double.parseDouble(sarsaQos[3]));
        assertEquals(Double.parseDouble(sarsaQos[5]) - 99.20, Double.parseDouble(sarsaQos[7]), 1e-3);
        assertEquals(52, new JsonMapper().readTree(out.resolve("table3-vs-paper.json").toFile()).get("rows").size());
        assertTrue(index.contains(Files.readString(out.resolve("table3-vs-paper.md")).lines().findFirst().orElseThrow()));
        JsonNode lead = new JsonMapper().readTree(out.resolve("lead.json").toFile());
        assertEquals(6, lead.get("episodes").asInt());
        assertEquals(18, lead.get("rows").size(), "every policy is evaluated again on the common seeds: 2 learned, "
                + "2 reactive, anticipatory, 10 deployed autoscalers, 3 static");
        assertEquals(2, lead.get("leads").size(), "one lead per learned policy");
        for (JsonNode l : lead.get("leads")) {
            assertTrue(l.get("baseline").asString().startsWith("reactive-"), l.toString());
            assertEquals(6, l.get("episodes").asInt());
        }
        assertTrue(Files.readString(out.resolve("table3.md")).contains("Over 6 common seeds (42-47, simulator)"));
        JsonNode oracle = new JsonMapper().readTree(out.resolve("oracle.json").toFile());
        assertEquals(9, oracle.get("frontier").get("points").size(), "one frontier point per QoS target 97-99.8 %");
        assertEquals(18, oracle.get("distances").size(), "every policy's distance to the oracle");
        assertTrue(Files.readString(out.resolve("table3.md")).contains("## Oracle frontier"));
    }

    @Test
    void compareWritesEveryPolicyOnEveryChosenWorkloadWithItsDistanceToThatWorkloadsOracle() throws Exception {
        Path out = dir.resolve("compare");
        Object[] r = run("compare", "--out", out.toString(), "--episodes", "2", "--workload", "paper,shuffled");
        assertEquals(0, r[0], () -> (String) r[2]);
        JsonNode report = new JsonMapper().readTree(out.resolve("compare.json").toFile());
        assertEquals(2 * 16, report.get("rows").size(),
                "2 reactive, anticipatory, 10 deployed autoscalers and 3 static rows per workload");
        assertEquals(2, report.get("oracles").size(), "one oracle frontier per workload");
        assertEquals("paper", report.get("rows").get(15).get("workload").asString());
        assertEquals("shuffled", report.get("rows").get(16).get("workload").asString());
        String md = Files.readString(out.resolve("compare.md"));
        assertTrue(md.contains("| paper | anticipatory |") && md.contains("## Oracle frontier, shuffled"), md);
    }

    @Test
    void evaluateRunsANamedWorkloadAndATraceGivenOnTheCommandLine() throws Exception {
        Object[] r = run("evaluate", "--policy", "anticipatory", "--episodes", "1", "--workload", "impulse");
        assertEquals(0, r[0], () -> "stderr: " + r[2]);
        assertTrue(((String) r[1]).contains("anticipatory (sim)"), (String) r[1]);
        Path trace = dir.resolve("trace.csv");
        Files.writeString(trace, "arrival_seconds,image_size_px\n0.5,1024\n1.0,2048\n");
        Object[] t = run("evaluate", "--policy", "static", "--episodes", "1", "--workload", "trace=" + trace);
        assertEquals(0, t[0], () -> "stderr: " + t[2]);
    }

    @Test
    void aBadWorkloadOrTraceLineIsOneClearLineAndExitTwo() throws Exception {
        Object[] r = run("evaluate", "--policy", "static", "--episodes", "1", "--workload", "spiky");
        assertEquals(2, r[0]);
        assertTrue(((String) r[2]).contains("unknown workload 'spiky': expected one of paper, as-described"), (String) r[2]);
        Path trace = dir.resolve("bad.csv");
        Files.writeString(trace, "arrival_seconds,image_size_px\n0.5,1024\n0.25,2048\n");
        Object[] t = run("evaluate", "--policy", "static", "--episodes", "1", "--workload", "trace=" + trace);
        assertEquals(2, t[0]);
        String err = (String) t[2];
        assertTrue(err.contains(trace + ":3: arrival_seconds must not decrease, 0.25 follows 0.5"), err);
        assertTrue(!err.contains("\tat "), "no stack trace: " + err);
        Object[] two = run("evaluate", "--policy", "static", "--episodes", "1", "--workload", "ramp,impulse");
        assertEquals(2, two[0]);
        assertTrue(((String) two[2]).contains("--workload names one workload for this command"), (String) two[2]);
    }

    @Test
    void compareRefusesAnUnknownWorkloadNamingIt() {
        Object[] r = run("compare", "--out", dir.resolve("c").toString(), "--workload", "paper,lunar");
        assertEquals(2, r[0], "a usage error");
        assertTrue(((String) r[2]).contains("unknown workload 'lunar'"), (String) r[2]);
    }

    @Test
    void reproduceRefusesANegativeLeadEpisodeCount() throws Exception {
        Object[] r = run("reproduce", "--out", dir.resolve("neg").toString(), "--lead-episodes", "-1", "--no-scaling-curve");
        assertEquals(2, r[0], "a usage error");
        assertTrue(((String) r[2]).contains("--lead-episodes must be >= 0"), (String) r[2]);
    }

    /** Exit 2, one line starting "farmhand: error:" that contains every word, no stack trace. */
    private static void refusedInOneLine(Object[] r, String... words) {
        assertEquals(2, r[0], () -> "stderr: " + r[2]);
        String err = (String) r[2];
        assertTrue(err.startsWith("farmhand: error: "), err);
        for (String w : words) {
            assertTrue(err.contains(w), "'" + w + "' not in: " + err);
        }
        assertFalse(err.contains("\tat "), "no stack trace: " + err);
        assertEquals(1, err.strip().lines().count(), err);
    }

    @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
        "environment:\\n  maxSteps: 30\\n  maxSteps: 5\\n | environment.maxSteps",
        "reward:\\n  qosWeight: .inf\\n | reward.qosWeight",
        "simulator:\\n  hopSeconds: .nan\\n | simulator.hopSeconds",
        "environment:\\n  maxWorkers: 2.7\\n | environment.maxWorkers",
        "environment:\\n  stepSeconds: '\"8\"'\\n | environment.stepSeconds",
        "reward:\\n  preset:\\n    name: lean\\n | reward.preset",
        "workload:\\n  phaseSeconds: 1e9\\n | phaseSeconds",
        "workload:\\n  baseRatePerMinute: 1e300\\n | baseRatePerMinute",
        "workload:\\n  phaseSeconds: 1e-9\\n | phaseSeconds"})
    void aBadValueInTheConfigIsRefusedAtLoadWithExitTwoAndTheKeyNamed(String yaml, String key) throws Exception {
        Path bad = dir.resolve("bad.yaml");
        Files.writeString(bad, yaml.replace("\\n", "\n"));
        refusedInOneLine(run("config", "--check", bad.toString()), "bad.yaml", key);
        refusedInOneLine(run("evaluate", "--policy", "static", "--episodes", "1", "--config", bad.toString()), key);
    }

    @Test
    void trainingForNoEpisodeIsRefused() {
        refusedInOneLine(run("train", "--policy", "sarsa", "--episodes", "0", "--out", dir.resolve("m.json").toString()),
                "--episodes");
        assertFalse(Files.exists(dir.resolve("m.json")));
    }

    @Test
    void aScalingCurveOverMoreWorkersThanTheFarmSupportsIsRefused() {
        refusedInOneLine(run("scaling-curve", "--workers", "1,5000", "--windows", "30"), "--workers", "5000");
    }

    @Test
    void anUnwritableOutputIsRefusedBeforeAnyWorkStarts() throws Exception {
        // one line on stderr also shows no work began: an evaluation draws a progress bar there
        Path aFile = Files.writeString(dir.resolve("a-file"), "x");
        Path underAFile = aFile.resolve("out.json");
        refusedInOneLine(run("evaluate", "--policy", "reactive-average", "--episodes", "200", "--json",
                underAFile.toString()), "--json", underAFile.toString());
        refusedInOneLine(run("scaling-curve", "--figure", underAFile.toString()), "--figure");
        refusedInOneLine(run("train", "--policy", "dqn", "--out", underAFile.toString()), "--out");
        refusedInOneLine(run("reproduce", "--out", aFile.toString()), "--out", "is a file");
        refusedInOneLine(run("evaluate", "--policy", "static", "--json", dir.toString()), "--json", "is a folder");
    }
}
