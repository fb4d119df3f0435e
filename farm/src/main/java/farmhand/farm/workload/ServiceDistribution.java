package farmhand.farm.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import farmhand.farm.spelling.Spelled;
import java.util.Locale;

/** The distribution task durations are drawn from before they are mapped to image sizes. */
public enum ServiceDistribution implements Spelled {
    /** The paper's Gamma(shape, scale) (mean 1.5 s with its values). */
    GAMMA,
    /**
     * A heavy tail (issue 14): Pareto type I with tail index {@link WorkloadConfig#paretoTailIndex()}
     * and the same mean as the configured Gamma ({@code gammaShape x gammaScaleSeconds}), so the
     * load is the same and only its variability grows. Durations are still clipped to the
     * service-time model's size range.
     */
    PARETO;

    /** The configuration spelling: {@code gamma} or {@code pareto}. */
    @JsonValue
    @Override
    public String spelling() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The spelling (the name the configuration uses). */
    public String key() {
        return spelling();
    }

    /**
     * The distribution spelled {@code key}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    @JsonCreator
    public static ServiceDistribution of(String key) {
        return Spelled.parse(ServiceDistribution.class, "serviceDistribution", key);
    }
}
