package farmhand.reproduction.regression;

import farmhand.farm.spelling.Spelled;
import java.util.List;
import java.util.Optional;

/**
 * The platforms the regression gate knows. The extension point for new platforms: one constant
 * each, with the reason it cannot run when this build does not have it yet.
 */
public enum RegressionPlatform implements Spelled {
    /** The discrete-event simulator: policies only, no platform timings. */
    SIM("sim", null, false),
    /** The live farm on real Redis with in-process functions (the local platform). */
    LOCAL("local", null, true),
    /** Functions in Docker containers. */
    DOCKER("docker", null, true),
    /** An OpenFaaS gateway. */
    OPENFAAS("openfaas", null, true),
    /** OpenFaaS on k3s in containers (the testcontainers suite). */
    K3S("k3s", "this command cannot start the cluster: ci/regression --platform k3s runs the k3s suite "
            + "(testcontainers module), which writes the report this command compares with --measured FILE", true);

    private final String cliName;
    private final String unavailableReason;
    private final boolean live;

    RegressionPlatform(String cliName, String unavailableReason, boolean live) {
        this.cliName = cliName;
        this.unavailableReason = unavailableReason;
        this.live = live;
    }

    /** The name on the command line and in baseline file names. */
    public String cliName() {
        return cliName;
    }

    @Override
    public String spelling() {
        return cliName;
    }

    /** True when the platform runs real functions, so it has scale-up and data-path timings. */
    public boolean live() {
        return live;
    }

    /** Why this build cannot run the suite on this platform; empty when it can. */
    public Optional<String> unavailableReason() {
        return Optional.ofNullable(unavailableReason);
    }

    /** Every command-line name, in declaration order. */
    public static List<String> names() {
        return Spelled.spellings(RegressionPlatform.class);
    }

    /**
     * The platform called {@code name}.
     *
     * @throws IllegalArgumentException naming the accepted names when there is none
     */
    public static RegressionPlatform of(String name) {
        return Spelled.parse(RegressionPlatform.class, "platform", name);
    }
}
