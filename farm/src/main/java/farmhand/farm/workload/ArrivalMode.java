package farmhand.farm.workload;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which arrival process to generate (SPEC section 2). */
public enum ArrivalMode {
    /**
     * What the authors' prototype ran to produce Table III: flat rates in every phase and
     * windows that draw no task are skipped without waiting (phase 1 lasts ~43-47 s).
     */
    AS_DEPLOYED,
    /**
     * What the paper's Table II says: sinusoidal window means in phases 3 and 4, and empty
     * windows take their time.
     */
    AS_DESCRIBED;

    /** The configuration spelling: {@code as-deployed} or {@code as-described}. */
    @JsonValue
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }

    /**
     * The mode spelled {@code key} ({@code as-deployed} or {@code as-described}, any case, {@code _} or {@code -}).
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    @JsonCreator
    public static ArrivalMode of(String key) {
        for (ArrivalMode m : values()) {
            if (m.key().equalsIgnoreCase(key.replace('_', '-'))) {
                return m;
            }
        }
        throw new IllegalArgumentException("mode must be as-deployed or as-described, was '" + key + "'");
    }
}
