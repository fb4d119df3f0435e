package farmhand.reproduction.cli;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.catalog.PolicyKind;
import farmhand.reproduction.pipeline.Reproduction;
import java.util.List;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.fidelity.Fidelity;
import farmhand.reproduction.fidelity.ReferenceTrace;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code farmhand fidelity}: how closely a backend reproduces the measured OpenFaaS farm, per phase,
 * for both reactive baselines; also measures the simulator's speed in episodes per second.
 */
@Command(name = "fidelity", mixinStandardHelpOptions = true,
        description = "Compare per-phase queue, workers and step QoS of the reactive baselines with the measured OpenFaaS trace; time the simulator.")
public final class FidelityCommand implements Callable<Integer> {

    @Option(names = "--backend", defaultValue = "sim", completionCandidates = Spellings.Backends.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Backend backend;

    @Option(names = "--speed-episodes", defaultValue = "500",
            description = "simulated episodes to time for the speed figure; 0 to skip (default: ${DEFAULT-VALUE})")
    int speedEpisodes;

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    LiveOptions live;

    @Override
    public Integer call() {
        ExperimentConfig config = experiment.load();
        ReferenceTrace reference = ReferenceTrace.openFaas();
        Map<PolicyKind, String> agents = Map.of(PolicyKind.REACTIVE_AVERAGE, "REACTIVE_AVERAGE",
                PolicyKind.REACTIVE_MAXIMUM, "REACTIVE_MAXIMUM");
        Reproduction reproduction = new Reproduction(config, c -> backend.create(c, live), System.err);
        List<Reproduction.Entry> baselines = reproduction.reactiveBaselines();
        List<Evaluation> evaluations = reproduction.evaluate(baselines, experiment.seeds());
        for (Evaluation e : evaluations) {
            PolicyKind kind = PolicyKind.of(e.policy());
            System.out.println(Fidelity.table(kind + " (" + backend + ")", Fidelity.phaseMeans(e),
                    reference.phaseMeans(agents.get(kind))));
        }
        if (speedEpisodes > 0) {
            try (FarmEnvironment env = config.environment(Reproduction.simulator(config))) {
                Evaluator evaluator = new Evaluator(env);
                var policy = PolicyKind.REACTIVE_AVERAGE.create(null, config.reactive(), config.environment());
                for (int i = 0; i < Math.min(100, speedEpisodes); i++) {
                    evaluator.runEpisode(policy, 10_000 + i, config.environment().initialWorkers());
                }
                long t0 = System.nanoTime();
                for (int i = 0; i < speedEpisodes; i++) {
                    evaluator.runEpisode(policy, 20_000 + i, config.environment().initialWorkers());
                }
                double seconds = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "simulator speed: %.0f episodes/s on one thread (%d episodes in %.2f s)%n",
                        speedEpisodes / seconds, speedEpisodes, seconds);
            }
        }
        return 0;
    }
}
