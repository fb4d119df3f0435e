package farmhand.farm.platform.openfaas;

import java.net.URI;
import java.time.Duration;

/**
 * Where the OpenFaaS gateway is and how to talk to it.
 *
 * @param url the gateway, e.g. {@code http://127.0.0.1:8080} (never printed unredacted)
 * @param credentials basic-auth login for {@code /system/*}, or null for a gateway without auth
 * @param namespace the functions' namespace ({@code openfaas-fn} on a default installation), or null
 * @param timeout connect, read and write timeout of each request
 * @param attempts tries per request on 429, 5xx and timeouts, {@code >= 1}
 * @param backoff wait before the second try; doubled before each further one
 */
public record GatewayConfig(String url, GatewayCredentials credentials, String namespace, Duration timeout,
                           int attempts, Duration backoff) {

    private static final String EXPECTED = " (expected http(s)://host:port, e.g. http://127.0.0.1:8080)";

    /**
     * @throws IllegalArgumentException when {@code url} is not an http(s) URL (shown redacted) or a bound is wrong
     */
    public GatewayConfig {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("no OpenFaaS gateway URL given" + EXPECTED);
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + OpenFaasGateway.redact(url) + "' is not a gateway URL" + EXPECTED);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("'" + OpenFaasGateway.redact(url) + "' is not a gateway URL" + EXPECTED);
        }
        url = url.strip().replaceAll("/+$", "");
        if (attempts < 1) {
            throw new IllegalArgumentException("gateway attempts must be >= 1, was " + attempts);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero() || backoff == null || backoff.isNegative()) {
            throw new IllegalArgumentException("gateway timeout must be > 0 and backoff >= 0");
        }
    }

    /** {@code url} with {@code credentials}, the default namespace, 10 s timeouts, 4 tries from 200 ms. */
    public static GatewayConfig of(String url, GatewayCredentials credentials) {
        return new GatewayConfig(url, credentials, "openfaas-fn", Duration.ofSeconds(10), 4, Duration.ofMillis(200));
    }

    /** The same with another namespace (null: the gateway's default). */
    public GatewayConfig withNamespace(String ns) {
        return new GatewayConfig(url, credentials, ns, timeout, attempts, backoff);
    }

    /** The same with other retry bounds. */
    public GatewayConfig withRetries(int tries, Duration firstBackoff) {
        return new GatewayConfig(url, credentials, namespace, timeout, tries, firstBackoff);
    }

    /** The same with another per-request timeout. */
    public GatewayConfig withTimeout(Duration t) {
        return new GatewayConfig(url, credentials, namespace, t, attempts, backoff);
    }

    /** The URL as it may be printed. */
    public String redacted() {
        return OpenFaasGateway.redact(url);
    }
}
