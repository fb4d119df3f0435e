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
    /** KEDA's Redis-list scaler with its documented defaults. */
    KEDA_REDIS_LIST("keda-redis-list", Group.OTHER, in -> KedaRedisListPolicy.defaults(in.environment())),
    /** The Kubernetes HPA on CPU utilisation with its documented defaults. */
    HPA_UTILIZATION("hpa-utilization", Group.OTHER, in -> HpaUtilizationPolicy.defaults());

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

    /** This policy, which must not be a learned one, for the paper's experiment. */
    public Policy create() {
        return create(null, ReactiveConfig.paper(), EnvironmentConfig.paper());
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
