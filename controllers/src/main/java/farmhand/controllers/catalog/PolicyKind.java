package farmhand.controllers.catalog;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
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
 * and how to make it.
 *
 * <p>Lists derived from this enum ({@link #of(Group)}, {@link #paper()}) keep declaration order, which is
 * the order of the rows in reports.
 */
public enum PolicyKind implements Spelled {
    /** Reactive baseline on the average arrival rate (the paper's ReactiveAverage). */
    REACTIVE_AVERAGE("reactive-average", Group.PAPER_BASELINE, (model, reactive) -> new ReactivePolicy(
            ReactivePolicy.Estimate.AVERAGE, reactive.horizonSeconds(), reactive.threshold())),
    /** Reactive baseline on the maximum arrival rate (the paper's ReactiveMaximum). */
    REACTIVE_MAXIMUM("reactive-maximum", Group.PAPER_BASELINE, (model, reactive) -> new ReactivePolicy(
            ReactivePolicy.Estimate.MAXIMUM, reactive.horizonSeconds(), reactive.threshold())),
    /** The SARSA(lambda) agent, from a model file. */
    SARSA("sarsa", Group.LEARNED, (model, reactive) -> new SarsaPolicy(SarsaModelFile.load(model).agent())),
    /** The Double DQN agent, from a model file. */
    DQN("dqn", Group.LEARNED, (model, reactive) -> new DqnPolicy(DqnModelFile.load(model).agent())),
    /** Keeps the initial workers (fixed provisioning). */
    STATIC("static", Group.FIXED, (model, reactive) -> new StaticPolicy()),
    /** farmhand's own non-clairvoyant policy. */
    ANTICIPATORY("anticipatory", Group.OTHER, (model, reactive) -> AnticipatoryPolicy.tuned()),
    /** KEDA's Redis-list scaler with its documented defaults. */
    KEDA_REDIS_LIST("keda-redis-list", Group.OTHER, (model, reactive) -> KedaRedisListPolicy.defaults()),
    /** The Kubernetes HPA on CPU utilisation with its documented defaults. */
    HPA_UTILIZATION("hpa-utilization", Group.OTHER, (model, reactive) -> HpaUtilizationPolicy.defaults());

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

    /** Makes a policy; {@code model} is non-null exactly for {@link Group#LEARNED} policies. */
    @FunctionalInterface
    public interface Factory {
        /** A new policy instance. */
        Policy create(Path model, ReactiveConfig reactive);
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
     * This policy, with the reactive baselines' parameters taken from {@code reactive}.
     *
     * @param model a model file for learned policies; ignored (may be null) for the others
     * @throws IllegalArgumentException for a learned policy without a model
     */
    public Policy create(Path model, ReactiveConfig reactive) {
        if (learned() && model == null) {
            throw new IllegalArgumentException("policy '" + spelling + "' needs a trained model: pass --model FILE "
                    + "(make one with 'farmhand train --policy " + spelling + "')");
        }
        return factory.create(learned() ? model : null, reactive);
    }

    /** This policy, which must not be a learned one, with the paper's reactive parameters. */
    public Policy create() {
        return create(null, ReactiveConfig.paper());
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
