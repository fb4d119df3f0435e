package farmhand.farm.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import farmhand.farm.spelling.Spelled;

/**
 * The latency profiles known by name (a measured profile can also be read from a {@code .csv} file,
 * see {@link EmpiricalLatencyProfile#fromFile}).
 */
public enum LatencyProfileName implements Spelled {
    /** Scale-up and scale-down latencies measured on OpenFaaS ({@link LatencyProfile#openFaasMeasured()}). */
    OPENFAAS_MEASURED("openfaas-measured"),
    /** No latency ({@link LatencyProfile#instant()}). */
    INSTANT("instant"),
    /** Normal latencies with configured means and deviations ({@link LatencyProfile#parametric}). */
    PARAMETRIC("parametric");

    private final String spelling;

    LatencyProfileName(String spelling) {
        this.spelling = spelling;
    }

    @JsonValue
    @Override
    public String spelling() {
        return spelling;
    }

    /**
     * The profile name spelled {@code text}.
     *
     * @throws IllegalArgumentException listing the valid spellings for any other text
     */
    @JsonCreator
    public static LatencyProfileName of(String text) {
        return Spelled.parse(LatencyProfileName.class, "latency profile", text);
    }

    @Override
    public String toString() {
        return spelling;
    }
}
