package farmhand.farm.platform.openfaas;

import java.time.Duration;

/**
 * How the farm runs on an OpenFaaS gateway.
 *
 * @param gateway the gateway and its login
 * @param image the function image (the same for emitter, workers and collector), anonymously pullable on CE
 * @param layout how workers map onto functions
 * @param functionRedisUrl the farm's Redis as the functions reach it from the cluster (e.g. {@code
 *                         redis://redis.openfaas-fn:6379}), or null for the farm's own URL
 * @param redisPasswordSecret an OpenFaaS secret holding the Redis password (mounted at {@code
 *                            /var/openfaas/secrets/<name>}), or null when Redis has no password
 * @param readyTimeout how long a function may take to have its replicas available
 * @param pollInterval how often readiness is polled
 * @param maxReplicasPerFunction the gateway's per-function replica limit (5 on CE)
 * @param startAllowance how much longer the initial functions may take to boot (announce START) than the handshake timeout
 */
public record OpenFaasPlatformConfig(GatewayConfig gateway, String image, Layout layout, String functionRedisUrl,
                                     String redisPasswordSecret, Duration readyTimeout, Duration pollInterval,
                                     int maxReplicasPerFunction, Duration startAllowance) {

    /** CE's per-function replica limit (faas-netes {@code MaxReplicas}). */
    public static final int CE_MAX_REPLICAS = 5;
    /** CE's function limit (faas-netes {@code MaxFunctions}). */
    public static final int CE_MAX_FUNCTIONS = 15;

    public OpenFaasPlatformConfig {
        if (gateway == null || layout == null) {
            throw new IllegalArgumentException("an OpenFaaS platform needs a gateway and a layout");
        }
        if (image == null || image.isBlank()) {
            throw new IllegalArgumentException("an OpenFaaS platform needs the function image (--openfaas-image)");
        }
        if (maxReplicasPerFunction < 1) {
            throw new IllegalArgumentException("maxReplicasPerFunction must be >= 1, was " + maxReplicasPerFunction);
        }
    }

    /** {@code gateway} with {@code image} in {@code layout}: 120 s readiness, 100 ms polls, CE's limits. */
    public static OpenFaasPlatformConfig of(GatewayConfig gateway, String image, Layout layout) {
        return new OpenFaasPlatformConfig(gateway, image, layout, null, null, Duration.ofSeconds(120),
                Duration.ofMillis(100), CE_MAX_REPLICAS, Duration.ofSeconds(10));
    }

    /** The same with the Redis the functions use. */
    public OpenFaasPlatformConfig withFunctionRedis(String url, String passwordSecret) {
        return new OpenFaasPlatformConfig(gateway, image, layout, url, passwordSecret, readyTimeout, pollInterval,
                maxReplicasPerFunction, startAllowance);
    }

    /** The same with other timings. */
    public OpenFaasPlatformConfig withTimings(Duration ready, Duration poll, Duration allowance) {
        return new OpenFaasPlatformConfig(gateway, image, layout, functionRedisUrl, redisPasswordSecret, ready, poll,
                maxReplicasPerFunction, allowance);
    }
}
