package farmhand.reproduction.config;

import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.sim.SimulatorConfig;

/**
 * The simulator's own timing parameters (the latency profile is in {@link PlatformSettings}).
 *
 * @param workerPollSeconds idle worker poll interval, {@code > 0} (prototype: 0.1)
 * @param collectorPollSeconds idle collector poll interval, {@code > 0} (prototype: 0.1)
 * @param hopSeconds one Redis round trip, {@code >= 0} (default 0.002)
 */
public record SimulatorSettings(double workerPollSeconds, double collectorPollSeconds, double hopSeconds) {

    public SimulatorSettings {
        // validated by SimulatorConfig; checked here too so a bad file fails at load time
        new SimulatorConfig(LatencyProfile.instant(), workerPollSeconds, collectorPollSeconds, hopSeconds);
    }

    /** The calibrated defaults of {@link SimulatorConfig#paper()}. */
    public static SimulatorSettings paper() {
        SimulatorConfig c = SimulatorConfig.paper();
        return new SimulatorSettings(c.workerPollSeconds(), c.collectorPollSeconds(), c.hopSeconds());
    }

    /** The simulator configuration with {@code profile}. */
    public SimulatorConfig toConfig(LatencyProfile profile) {
        return new SimulatorConfig(profile, workerPollSeconds, collectorPollSeconds, hopSeconds);
    }
}
