package farmhand.reproduction.cli;

import farmhand.farm.live.EmbeddedRedis;
import farmhand.farm.platform.PlatformKind;
import farmhand.farm.platform.openfaas.OpenFaasPlatformConfig;
import farmhand.reproduction.config.ExperimentConfig;
import farmhand.reproduction.regression.RegressionPlatform;
import farmhand.reproduction.regression.RegressionReport;
import farmhand.reproduction.regression.RegressionSuite;
import farmhand.reproduction.scaling.PlatformVariant;

/**
 * {@code farmhand regression --platform openfaas}: the gate's suite with every function on an OpenFaaS gateway:
 * the scale-ups, Fig. 2's batches and the policies' episodes all run there, at the local platform's time
 * compression, so the figures compare with the openfaas baseline (a real gateway's seconds-long scale-ups weigh
 * 20 times more in model time than they would uncompressed: compare openfaas runs with openfaas baselines only).
 */
final class OpenFaasRegression {

    private OpenFaasRegression() {
    }

    /**
     * Runs the suite on the gateway {@code options} name.
     *
     * @param redisUrl the farm's Redis (the functions reach it at --openfaas-redis when set), or null for a
     *                 private one (reachable only by functions on this machine, e.g. the tests' gateway double)
     * @throws IllegalArgumentException when the gateway cannot host the environment's N_max in the chosen layout
     */
    static RegressionReport measure(OpenFaasOptions options, String redisUrl) {
        ExperimentConfig config = ExperimentConfig.paper();
        OpenFaasPlatformConfig platformConfig = options.config();
        int needed = config.environment().maxWorkers();
        int hosted = options.maxWorkers();
        if (hosted < needed) {
            throw new IllegalArgumentException("regression --platform openfaas: the policies may ask for up to "
                    + needed + " workers (N_max), the gateway hosts at most " + hosted + " in the "
                    + options.layoutName() + " layout (--openfaas-max-functions " + options.maxFunctions
                    + "): use --openfaas-layout replicas (CE: up to " + (options.maxFunctions - 2)
                    * OpenFaasPlatformConfig.CE_MAX_REPLICAS + ") or raise --openfaas-max-functions on Pro");
        }
        try (var check = options.platform(platformConfig)) {
            check.gateway().list(); // a wrong URL or password fails now, not after the minutes before the first deploy
        }
        RegressionSuite suite = new RegressionSuite(config, line -> System.out.println("  " + line));
        System.out.println("regression suite on openfaas (gateway " + platformConfig.gateway().redacted() + ", "
                + options.layoutName() + " layout):");
        PlatformVariant variant = new PlatformVariant("openfaas", c -> options.platform(platformConfig));
        try (EmbeddedRedis embedded = redisUrl == null ? EmbeddedRedis.start() : null) {
            String url = redisUrl != null ? redisUrl : embedded.url();
            LiveOptions live = new LiveOptions();
            live.redisUrl = url;
            live.timeCompression = RegressionCommand.LIVE_COMPRESSION;
            live.platform = PlatformKind.OPENFAAS;
            live.openfaas = options;
            return suite.run(RegressionPlatform.OPENFAAS, () -> Backend.LIVE.create(config, live), url, variant,
                    Math.min(RegressionSuite.SCALE_UPS, hosted - 1));
        }
    }
}
