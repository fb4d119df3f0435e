package farmhand.reproduction.cli;

import farmhand.controllers.eval.EpisodeMetrics;
import java.util.ArrayList;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.Evaluator;
import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.policy.Policy;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.report.Json;
import farmhand.reproduction.report.TableThree;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code farmhand evaluate}: runs one policy greedily over seeds and prints its Table III row. */
@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Evaluate a policy greedily over episodes and print its Table III row (QoS, workers, scaling, per phase).")
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--policy", required = true, paramLabel = "NAME", completionCandidates = Spellings.Policies.class,
            description = "one of ${COMPLETION-CANDIDATES}")
    PolicyKind policyKind;

    @Option(names = "--model", paramLabel = "FILE", description = "model file of a learned policy (sarsa, dqn)")
    Path model;

    @Option(names = "--backend", defaultValue = "sim", completionCandidates = Spellings.Backends.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    Backend backend;

    @Option(names = "--workers", paramLabel = "N", description = "initial workers (default: environment.initialWorkers, 12)")
    Integer workers;

    @Option(names = "--json", paramLabel = "FILE", description = "write episodes, traces and summary as JSON")
    Path json;

    @Mixin
    ExperimentOptions experiment;

    @Mixin
    LiveOptions live;

    @Override
    public Integer call() {
        OutputPaths.requireWritableFile(json, "--json");
        ExperimentConfig config = experiment.load();
        List<Long> seeds = experiment.seeds();
        Policy policy = policyKind.create(model, config.reactive(), config.environment());
        int initial = workers == null ? config.environment().initialWorkers() : workers;
        Evaluation evaluation;
        List<EpisodeMetrics> finished = new ArrayList<>();
        try (FarmEnvironment env = config.environment(backend.create(config, live));
             ProgressBar bar = new ProgressBarBuilder().setTaskName(policy.name()).setInitialMax(seeds.size())
                     .setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err)).build()) {
            evaluation = new Evaluator(env).evaluate(policy, seeds, initial, m -> {
                finished.add(m);
                bar.step();
            });
        } catch (RuntimeException e) {
            if (json != null && !finished.isEmpty()) {
                Json.write(json, Evaluation.of(policy.name(), backend.spelling(), finished));
                System.err.println("wrote the " + finished.size() + " finished episode(s) to " + json);
            }
            throw e;
        }
        System.out.print(TableThree.text(List.<String[]>of(TableThree.row(policy.name() + " (" + backend + ")", evaluation))));
        System.out.print(TableThree.phases(evaluation));
        if (json != null) {
            Json.write(json, evaluation);
            System.out.println("wrote " + json);
        }
        return EpisodeChecks.report(evaluation, live.allowDisturbed(), System.out, System.err);
    }
}
