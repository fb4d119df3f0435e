package farmhand.controllers.policy;

import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.model.DqnModelFile;
import farmhand.controllers.model.SarsaModelFile;
import farmhand.controllers.policy.anticipatory.AnticipatoryPolicy;
import farmhand.controllers.policy.dqn.DqnPolicy;
import farmhand.controllers.policy.fixed.StaticPolicy;
import farmhand.controllers.policy.industry.HpaUtilizationPolicy;
import farmhand.controllers.policy.industry.KedaRedisListPolicy;
import farmhand.controllers.policy.industry.KnativeKpaPolicy;
import farmhand.controllers.policy.industry.OpenFaasCeAlertPolicy;
import farmhand.controllers.policy.industry.OpenFaasProPolicy;
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
                "anticipatory", "keda-redis-list-tuned", "openfaas-capacity", "openfaas-queue", "openfaas-capacity-1",
                "openfaas-queue-1", "openfaas-ce-alert", "knative-kpa", "knative-kpa-cc1");
    }

    /**
     * The deployed autoscalers' rules (KEDA/HPA, OpenFaaS Pro and CE, Knative): they set replica counts at
     * their own periods, so they need an action space wider than the paper's (see {@link #environmentFor}).
     */
    public static List<String> industry() {
        return List.of("keda-redis-list", "keda-redis-list-tuned", "hpa-utilization", "openfaas-capacity",
                "openfaas-queue", "openfaas-capacity-1", "openfaas-queue-1", "openfaas-ce-alert", "knative-kpa",
                "knative-kpa-cc1");
    }

    /**
     * The control loop policy {@code name} runs in: {@code environment} itself, except that a deployed
     * autoscaler's rule in the paper's {-1, 0, +1} space gets deltas as wide as the worker bounds
     * ({@code maxWorkers - minWorkers}), so it can set the replica count it computes in one step, as it does in
     * production. A config that sets {@code maxDeltaPerStep > 1} is kept as given. Policies limited to
     * {-1, 0, +1} behave the same in either space: the space only bounds what may be requested.
     */
    public static EnvironmentConfig environmentFor(String name, EnvironmentConfig environment) {
        if (industry().contains(name) && environment.maxDeltaPerStep() == 1) {
            return wide(environment);
        }
        return environment;
    }

    /** {@code environment} with deltas as wide as its worker bounds (the paper's when the bounds are equal). */
    public static EnvironmentConfig wide(EnvironmentConfig environment) {
        if (environment.maxDeltaPerStep() > 1) {
            return environment;
        }
        return environment.withMaxDeltaPerStep(Math.max(1, environment.maxWorkers() - environment.minWorkers()));
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
        return create(name, model, reactive, environmentFor(name, EnvironmentConfig.paper()));
    }

    /**
     * The policy called {@code name}, for an environment run with {@code environment} (the deployed
     * autoscalers read the worker bounds, the step length and the action space from it; make the environment
     * with {@link #environmentFor} so that it allows the deltas the rule requests).
     *
     * @param name one of {@link #names()}
     * @param model a model file for learned policies; null for the others
     * @param reactive parameters of the reactive baselines
     * @param environment the control loop the policy runs in
     * @throws IllegalArgumentException for an unknown name or a learned policy without a model
     */
    public static Policy create(String name, Path model, ReactiveConfig reactive, EnvironmentConfig environment) {
        return switch (name) {
            case "reactive-average" -> new ReactivePolicy(ReactivePolicy.Estimate.AVERAGE,
                    reactive.horizonSeconds(), reactive.threshold());
            case "reactive-maximum" -> new ReactivePolicy(ReactivePolicy.Estimate.MAXIMUM,
                    reactive.horizonSeconds(), reactive.threshold());
            case "sarsa" -> new SarsaPolicy(SarsaModelFile.load(requireModel(name, model)).agent());
            case "dqn" -> new DqnPolicy(DqnModelFile.load(requireModel(name, model)).agent());
            case "static" -> new StaticPolicy();
            case "keda-redis-list" -> KedaRedisListPolicy.defaults(environment);
            case "keda-redis-list-tuned" -> KedaRedisListPolicy.tuned(environment);
            case "hpa-utilization" -> HpaUtilizationPolicy.defaults(environment);
            case "openfaas-capacity" -> OpenFaasProPolicy.defaults(OpenFaasProPolicy.Mode.CAPACITY, environment);
            case "openfaas-queue" -> OpenFaasProPolicy.defaults(OpenFaasProPolicy.Mode.QUEUE, environment);
            case "openfaas-capacity-1" -> OpenFaasProPolicy.oneAtATime(OpenFaasProPolicy.Mode.CAPACITY, environment);
            case "openfaas-queue-1" -> OpenFaasProPolicy.oneAtATime(OpenFaasProPolicy.Mode.QUEUE, environment);
            case "openfaas-ce-alert" -> OpenFaasCeAlertPolicy.defaults(environment);
            case "knative-kpa" -> KnativeKpaPolicy.defaults(environment);
            case "knative-kpa-cc1" -> KnativeKpaPolicy.containerConcurrencyOne(environment);
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
