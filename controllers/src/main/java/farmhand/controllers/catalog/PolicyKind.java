package farmhand.controllers.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import farmhand.controllers.env.EnvironmentConfig;
import farmhand.controllers.model.DqnModelFile;
import farmhand.controllers.model.SarsaModelFile;
import farmhand.controllers.policy.Policy;
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
import farmhand.farm.spelling.Spelled;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The policies a command, a configuration file, the reproduction or a benchmark can name: the one
 * place that maps names to policies. Adding a policy is one constant: its spelling, its {@link Group}
 * and how to make it from the {@link Inputs} ({@code in -> new MyPolicy(in.environment())}).
 *
 * <p>Lists derived from this enum ({@link #of(Group)}, {@link #paper()}) keep declaration order, which is
 * the order of the rows in reports.
 */
public enum PolicyKind implements Spelled {
    /** Reactive baseline on the average arrival rate (the paper's ReactiveAverage). */
    REACTIVE_AVERAGE("reactive-average", Group.PAPER_BASELINE, in -> new ReactivePolicy(
            ReactivePolicy.Estimate.AVERAGE, in.reactive().horizonSeconds(), in.reactive().threshold())),
    /** Reactive baseline on the maximum arrival rate (the paper's ReactiveMaximum). */
    REACTIVE_MAXIMUM("reactive-maximum", Group.PAPER_BASELINE, in -> new ReactivePolicy(
            ReactivePolicy.Estimate.MAXIMUM, in.reactive().horizonSeconds(), in.reactive().threshold())),
    /** The SARSA(lambda) agent, from a model file. */
    SARSA("sarsa", Group.LEARNED, in -> new SarsaPolicy(SarsaModelFile.load(in.model()).agent())),
    /** The Double DQN agent, from a model file. */
    DQN("dqn", Group.LEARNED, in -> new DqnPolicy(DqnModelFile.load(in.model()).agent())),
    /** Keeps the initial workers (fixed provisioning). */
    STATIC("static", Group.FIXED, in -> new StaticPolicy()),
    /** farmhand's own non-clairvoyant policy. */
    ANTICIPATORY("anticipatory", Group.OTHER, in -> AnticipatoryPolicy.tuned()),
    /** KEDA's Redis-list scaler driving the HPA, with their documented defaults (listLength 5). */
    KEDA_REDIS_LIST("keda-redis-list", Group.OTHER, in -> KedaRedisListPolicy.defaults(in.environment())),
    /** The same with the listLength a user would tune (swept on training seeds). */
    KEDA_REDIS_LIST_TUNED("keda-redis-list-tuned", Group.OTHER, in -> KedaRedisListPolicy.tuned(in.environment())),
    /** The Kubernetes HPA on utilisation with its documented defaults. */
    HPA_UTILIZATION("hpa-utilization", Group.OTHER, in -> HpaUtilizationPolicy.defaults(in.environment())),
    /** OpenFaaS Pro's autoscaler in capacity mode, documented defaults (target 50, proportion 0.90). */
    OPENFAAS_CAPACITY("openfaas-capacity", Group.OTHER,
            in -> OpenFaasProPolicy.defaults(OpenFaasProPolicy.Mode.CAPACITY, in.environment())),
    /** OpenFaaS Pro's autoscaler in queue mode, documented defaults. */
    OPENFAAS_QUEUE("openfaas-queue", Group.OTHER,
            in -> OpenFaasProPolicy.defaults(OpenFaasProPolicy.Mode.QUEUE, in.environment())),
    /** OpenFaaS Pro capacity mode as its docs set it for one request at a time (target 1, proportion 0.95). */
    OPENFAAS_CAPACITY_1("openfaas-capacity-1", Group.OTHER,
            in -> OpenFaasProPolicy.oneAtATime(OpenFaasProPolicy.Mode.CAPACITY, in.environment())),
    /** OpenFaaS Pro queue mode as its docs set it for one request at a time (target 1, proportion 1). */
    OPENFAAS_QUEUE_1("openfaas-queue-1", Group.OTHER,
            in -> OpenFaasProPolicy.oneAtATime(OpenFaasProPolicy.Mode.QUEUE, in.environment())),
    /** OpenFaaS Community Edition's alert-based scaling on the arrival rate. */
    OPENFAAS_CE_ALERT("openfaas-ce-alert", Group.OTHER, in -> OpenFaasCeAlertPolicy.defaults(in.environment())),
    /** Knative's KPA with its documented defaults (target 100 at 70 %). */
    KNATIVE_KPA("knative-kpa", Group.OTHER, in -> KnativeKpaPolicy.defaults(in.environment())),
    /** Knative's KPA with containerConcurrency 1 (target 0.7). */
    KNATIVE_KPA_CC1("knative-kpa-cc1", Group.OTHER, in -> KnativeKpaPolicy.containerConcurrencyOne(in.environment()));

    /** What role a policy plays in the reproduction. */
    public enum Group {
        /** A reactive baseline of the paper. */
        PAPER_BASELINE,
        /** A learned policy of the paper: trained, then loaded from a model file. */
        LEARNED,
        /** Fixed provisioning, run at several worker counts. */
        FIXED,
        /** Beyond the paper: industry autoscalers and farmhand's own policies. */
        OTHER
    }

    /**
     * What a policy may be made from.
     *
     * @param model the model file; non-null exactly for {@link Group#LEARNED} policies
     * @param reactive the reactive baselines' parameters
     * @param environment the control loop (worker bounds, step length)
     */
    public record Inputs(Path model, ReactiveConfig reactive, EnvironmentConfig environment) {
    }

    /** Makes a policy from its {@link Inputs}. */
    @FunctionalInterface
    public interface Factory {
        /** A new policy instance. */
        Policy create(Inputs inputs);
    }

    private final String spelling;
    private final Group group;
    private final Factory factory;

    PolicyKind(String spelling, Group group, Factory factory) {
        this.spelling = spelling;
        this.group = group;
        this.factory = factory;
    }

    @JsonValue
    @Override
    public String spelling() {
        return spelling;
    }

    /** The policy's role in the reproduction. */
    public Group group() {
        return group;
    }

    /** True for a policy that is trained and needs a model file. */
    public boolean learned() {
        return group == Group.LEARNED;
    }

    /** True for the paper's four policies (its Table III and Fig. 6). */
    public boolean inPaper() {
        return group == Group.LEARNED || group == Group.PAPER_BASELINE;
    }

    /**
     * This policy for an experiment.
     *
     * @param model a model file for learned policies; ignored (may be null) for the others
     * @param reactive the reactive baselines' parameters
     * @param environment the control loop the policy will run in
     * @throws IllegalArgumentException for a learned policy without a model
     */
    public Policy create(Path model, ReactiveConfig reactive, EnvironmentConfig environment) {
        if (learned() && model == null) {
            throw new IllegalArgumentException("policy '" + spelling + "' needs a trained model: pass --model FILE "
                    + "(make one with 'farmhand train --policy " + spelling + "')");
        }
        return factory.create(new Inputs(learned() ? model : null, reactive, environment));
    }

    /**
     * This policy, which must not be a learned one, for the paper's experiment, in the loop
     * {@link #environmentFor} makes for it from the paper's.
     */
    public Policy create() {
        return create(null, ReactiveConfig.paper(), environmentFor(EnvironmentConfig.paper()));
    }

    /**
     * True for a deployed autoscaler's rule (KEDA/HPA, OpenFaaS, Knative): it sets replica counts at its own
     * period, so it needs an action space wider than the paper's {-1, 0, +1}.
     */
    public boolean setsReplicaCounts() {
        return name().startsWith("KEDA_") || name().startsWith("HPA_") || name().startsWith("OPENFAAS_")
                || name().startsWith("KNATIVE_");
    }

    /** The deployed autoscalers' rules, in declaration order. */
    public static List<PolicyKind> deployedAutoscalers() {
        return Arrays.stream(values()).filter(PolicyKind::setsReplicaCounts).toList();
    }

    /**
     * The control loop this policy runs in: {@code environment} itself, except that a deployed autoscaler's
     * rule in the paper's {-1, 0, +1} space gets deltas as wide as the worker bounds
     * ({@code maxWorkers - minWorkers}), so it can set the replica count it computes in one step, as it does in
     * production. A config that sets {@code maxDeltaPerStep > 1} is kept as given.
     */
    public EnvironmentConfig environmentFor(EnvironmentConfig environment) {
        return setsReplicaCounts() ? wide(environment) : environment;
    }

    /**
     * {@code environment} with deltas as wide as its worker bounds, unless it already allows more than one
     * worker per step. Policies limited to {-1, 0, +1} behave the same in it: the space only bounds what may
     * be requested.
     */
    public static EnvironmentConfig wide(EnvironmentConfig environment) {
        if (environment.maxDeltaPerStep() > 1) {
            return environment;
        }
        return environment.withMaxDeltaPerStep(Math.max(1, environment.maxWorkers() - environment.minWorkers()));
    }

    /**
     * The policy spelled {@code text}.
     *
     * @throws IllegalArgumentException listing the valid spellings for any other text
     */
    @JsonCreator
    public static PolicyKind of(String text) {
        return Spelled.parse(PolicyKind.class, "policy", text);
    }

    /** Every spelling, in declaration order. */
    public static List<String> names() {
        return Spelled.spellings(PolicyKind.class);
    }

    /** The policies of {@code group}, in declaration order. */
    public static List<PolicyKind> of(Group group) {
        return Arrays.stream(values()).filter(p -> p.group == group).toList();
    }

    /** The paper's four policies, in declaration order. */
    public static List<PolicyKind> paper() {
        return Arrays.stream(values()).filter(PolicyKind::inPaper).toList();
    }

    @Override
    public String toString() {
        return spelling;
    }
}
