package farmhand.reproduction.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.oracle.OraclePlanner;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.pipeline.Reproduction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FiguresTest {

    @TempDir
    Path dir;

    private static List<Evaluation> twoEpisodesOfStatic() {
        ExperimentConfig config = ExperimentConfig.paper();
        try (FarmEnvironment env = config.environment(Reproduction.simulator(config))) {
            return List.of(new Evaluator(env).evaluate(PolicyKind.STATIC.create(), List.of(42L, 43L)));
        }
    }

    @Test
    void figureFiveDrawsTheOraclesFrontierWhenItIsGiven() throws Exception {
        List<Evaluation> evaluations = twoEpisodesOfStatic();
        OraclePlanner.Frontier frontier = new OraclePlanner.Frontier(List.of(42L, 43L), 1, List.of(
                new OraclePlanner.FrontierPoint(0.97, 0.971, 12.5, 4),
                new OraclePlanner.FrontierPoint(0.99, 0.991, 14.2, 6),
                new OraclePlanner.FrontierPoint(0.998, Double.NaN, Double.NaN, Double.NaN)));
        Path with = Figures.qosVersusResources(evaluations, frontier, dir.resolve("with.png"));
        Path without = Figures.qosVersusResources(evaluations, null, dir.resolve("without.png"));
        String svgWith = Files.readString(dir.resolve("with.svg"));
        String svgWithout = Files.readString(dir.resolve("without.svg"));
        assertTrue(Files.size(with) > 0 && Files.size(without) > 0);
        // the SVG draws text as outlines; the frontier is the figure's one line dashed 6-4
        assertTrue(svgWith.contains("stroke-dasharray:6,4"), "the frontier is drawn");
        assertFalse(svgWithout.contains("stroke-dasharray:6,4"));
    }

    @Test
    void everyPolicyOfTheCatalogAndTheStaticRowsGetAColourAndMarkerOfTheirOwn() {
        List<String> labels = new ArrayList<>();
        for (PolicyKind kind : PolicyKind.values()) {
            labels.add(kind.spelling());
        }
        labels.addAll(List.of("static-14", "static-15", "static-16"));
        Set<String> styles = new HashSet<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            styles.add(Figures.colour(label, i).getRGB() + "/" + Figures.marker(label, i).getClass().getSimpleName());
        }
        // before: policies past the seventh without a style of their own repeated a colour and the circle
        assertEquals(labels.size(), styles.size(), "two policies look alike among " + labels);
    }
}
