package farmhand.reproduction.cli;

import farmhand.controllers.catalog.PolicyKind;
import farmhand.controllers.reward.RewardPreset;
import farmhand.farm.platform.LatencyProfileName;
import farmhand.farm.platform.PlatformKind;
import farmhand.farm.platform.openfaas.Layout;
import farmhand.farm.spelling.Spelled;
import farmhand.reproduction.regression.RegressionPlatform;
import java.util.Iterator;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine;

/**
 * Binds the closed sets ({@link Spelled} enums) to picocli: each option of such a type reads the enum's
 * spelling ({@code reactive-average}, not {@code REACTIVE_AVERAGE}), refuses anything else in one line that
 * lists the valid spellings, and its help shows them ({@code ${COMPLETION-CANDIDATES}} via the nested
 * classes here).
 */
final class Spellings {

    private Spellings() {
    }

    /** Registers a converter for every closed set the commands use. */
    static void register(CommandLine cli) {
        cli.registerConverter(PolicyKind.class, converter(PolicyKind::of));
        cli.registerConverter(Backend.class, converter(Backend::of));
        cli.registerConverter(PlatformKind.class, converter(PlatformKind::of));
        cli.registerConverter(RewardPreset.class, converter(RewardPreset::of));
        cli.registerConverter(LatencyProfileName.class, converter(LatencyProfileName::of));
        cli.registerConverter(Layout.class, converter(Layout::parse));
        cli.registerConverter(RegressionPlatform.class, converter(RegressionPlatform::of));
        cli.registerConverter(ScalingCurveCommand.Variants.class, converter(ScalingCurveCommand.Variants::of));
    }

    private static <E> CommandLine.ITypeConverter<E> converter(Function<String, E> parse) {
        return text -> {
            try {
                return parse.apply(text);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        };
    }

    /** The spellings of a closed set, for {@code completionCandidates}. */
    private abstract static class Candidates implements Iterable<String> {
        private final List<String> spellings;

        Candidates(List<String> spellings) {
            this.spellings = spellings;
        }

        @Override
        public Iterator<String> iterator() {
            return spellings.iterator();
        }
    }

    /** The spellings of {@link PolicyKind}. */
    static final class Policies extends Candidates {
        Policies() {
            super(PolicyKind.names());
        }
    }

    /** The spellings of the learned {@link PolicyKind}s. */
    static final class LearnedPolicies extends Candidates {
        LearnedPolicies() {
            super(PolicyKind.of(PolicyKind.Group.LEARNED).stream().map(PolicyKind::spelling).toList());
        }
    }

    /** The spellings of {@link Backend}. */
    static final class Backends extends Candidates {
        Backends() {
            super(Spelled.spellings(Backend.class));
        }
    }

    /** The spellings of {@link PlatformKind}. */
    static final class Platforms extends Candidates {
        Platforms() {
            super(Spelled.spellings(PlatformKind.class));
        }
    }

    /** The spellings of {@link RegressionPlatform}. */
    static final class RegressionPlatforms extends Candidates {
        RegressionPlatforms() {
            super(RegressionPlatform.names());
        }
    }

    /** The spellings of {@link ScalingCurveCommand.Variants}. */
    static final class ScalingVariants extends Candidates {
        ScalingVariants() {
            super(Spelled.spellings(ScalingCurveCommand.Variants.class));
        }
    }

    /** The spellings of {@link Layout}. */
    static final class Layouts extends Candidates {
        Layouts() {
            super(Spelled.spellings(Layout.class));
        }
    }

    /** The spellings of {@link LatencyProfileName}. */
    static final class LatencyProfiles extends Candidates {
        LatencyProfiles() {
            super(Spelled.spellings(LatencyProfileName.class));
        }
    }
}
