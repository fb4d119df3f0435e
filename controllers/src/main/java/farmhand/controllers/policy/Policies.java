package farmhand.controllers.policy;

import farmhand.controllers.model.DqnModelFile;
import farmhand.controllers.model.SarsaModelFile;
import farmhand.controllers.policy.anticipatory.AnticipatoryPolicy;
import farmhand.controllers.policy.dqn.DqnPolicy;
import farmhand.controllers.policy.fixed.StaticPolicy;
import farmhand.controllers.policy.industry.HpaUtilizationPolicy;
import farmhand.controllers.policy.industry.KedaRedisListPolicy;
import farmhand.controllers.policy.reactive.ReactiveConfig;
import farmhand.controllers.policy.reactive.ReactivePolicy;
import farmhand.controllers.policy.sarsa.SarsaPolicy;
import java.nio.file.Path;
import java.util.List;

/**
 * Makes a policy from its command-line name. The one place that maps names to policies, so the
 * CLI, the reproduction suite and the benchmarks agree on them.
 */
public final class Policies {

    private Policies() {
    }

    /** Names accepted by {@link #create}. */
    public static List<String> names() {
        return List.of("reactive-average", "reactive-maximum", "sarsa", "dqn", "static", "keda-redis-list", "hpa-utilization",
                "anticipatory");
    }

    /**
     * The policy called {@code name}.
     *
     * @param name one of {@link #names()}
     * @param model a model file for learned policies; null for the others
     * @throws IllegalArgumentException for an unknown name or a learned policy without a model
     */
    public static Policy create(String name, Path model) {
        return create(name, model, ReactiveConfig.paper());
    }

    /**
     * The policy called {@code name}, with the reactive baselines' parameters taken from {@code reactive}.
     *
     * @param name one of {@link #names()}
     * @param model a model file for learned policies; null for the others
     * @param reactive parameters of the reactive baselines
     * @throws IllegalArgumentException for an unknown name or a learned policy without a model
     */
    public static Policy create(String name, Path model, ReactiveConfig reactive) {
        return switch (name) {
            case "reactive-average" -> new ReactivePolicy(ReactivePolicy.Estimate.AVERAGE,
                    reactive.horizonSeconds(), reactive.threshold());
            case "reactive-maximum" -> new ReactivePolicy(ReactivePolicy.Estimate.MAXIMUM,
                    reactive.horizonSeconds(), reactive.threshold());
            case "sarsa" -> new SarsaPolicy(SarsaModelFile.load(requireModel(name, model)).agent());
            case "dqn" -> new DqnPolicy(DqnModelFile.load(requireModel(name, model)).agent());
            case "static" -> new StaticPolicy();
            case "keda-redis-list" -> KedaRedisListPolicy.defaults();
            case "hpa-utilization" -> HpaUtilizationPolicy.defaults();
            case "anticipatory" -> AnticipatoryPolicy.tuned();
            default -> throw new IllegalArgumentException(
                    "unknown policy '" + name + "': expected one of " + String.join(", ", names()));
        };
    }

    private static Path requireModel(String name, Path model) {
        if (model == null) {
            throw new IllegalArgumentException("policy '" + name + "' needs a trained model: pass --model FILE "
                    + "(make one with 'farmhand train --policy " + name + "')");
        }
        return model;
    }
}
