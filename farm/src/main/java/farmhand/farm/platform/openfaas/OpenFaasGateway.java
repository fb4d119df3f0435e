package farmhand.farm.platform.openfaas;

import farmhand.farm.platform.openfaas.GatewayTypes.DeleteFunctionRequest;
import farmhand.farm.platform.openfaas.GatewayTypes.FunctionDeployment;
import farmhand.farm.platform.openfaas.GatewayTypes.FunctionStatus;
import farmhand.farm.platform.openfaas.GatewayTypes.ScaleServiceRequest;
import farmhand.farm.queue.RedisEndpoint;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A client of the OpenFaaS gateway's REST API over OkHttp. Each endpoint was checked against OpenFaaS's
 * sources:
 * <ul>
 * <li>{@link #deploy}: {@code PUT /system/functions}, then {@code POST} when the update answers 404, any 2xx
 * accepted, as faas-cli {@code proxy/deploy.go} does; faas-netes {@code pkg/handlers/deploy.go} answers 202,
 * and 400 past CE's function cap ({@code MaxFunctions}) or for an image that is not anonymously pullable;</li>
 * <li>{@link #delete}: {@code DELETE /system/functions} with {@code {"functionName"}}: 202, 404 when absent
 * (faas-netes {@code pkg/handlers/delete.go});</li>
 * <li>{@link #list} and {@link #function}: {@code GET /system/functions}, {@code GET /system/function/{name}}
 * (faas-cli {@code proxy/list.go}, {@code proxy/describe.go}; faas-provider {@code types/model.go}:
 * {@code replicas} and {@code availableReplicas} are {@code omitempty});</li>
 * <li>{@link #scale}: {@code POST /system/scale-function/{name}} with {@code ScaleServiceRequest}: 202; CE
 * answers 400 for 0 replicas and clamps to {@code MaxReplicas} (faas-netes {@code
 * pkg/handlers/replica_updater.go}; faas-cli {@code proxy/scale.go});</li>
 * <li>{@link #invokeAsync}: {@code POST /async-function/{name}}: 202, optional {@code X-Callback-Url}
 * (faas {@code gateway/handlers/queue_proxy.go}), the call's id in {@code X-Call-Id} (faas {@code
 * gateway/handlers/callid_middleware.go}).</li>
 * </ul>
 * Basic auth goes on {@code /system/*} only, as the gateway protects only those routes; the password is never
 * logged. Requests are retried on 429, 5xx and I/O failures with exponential backoff, a bounded number of
 * times. Errors are {@link GatewayException}s with one clear line. Thread-safe.
 */
public final class OpenFaasGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OpenFaasGateway.class);
    private static final MediaType JSON = MediaType.get("application/json");
    /** The header the gateway names an invocation with. */
    public static final String CALL_ID = "X-Call-Id";
    /** The header asking the queue-worker to post the async result there. */
    public static final String CALLBACK_URL = "X-Callback-Url";

    private final GatewayConfig config;
    private final HttpUrl base;
    private final OkHttpClient http;
    private final JsonMapper json = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** A client of the gateway {@code config} describes. */
    public OpenFaasGateway(GatewayConfig config) {
        this.config = config;
        this.base = HttpUrl.get(config.url());
        GatewayCredentials login = config.credentials();
        this.http = new OkHttpClient.Builder()
                .connectTimeout(config.timeout()).readTimeout(config.timeout()).writeTimeout(config.timeout())
                .retryOnConnectionFailure(false)
                .addInterceptor(chain -> {
                    Request r = chain.request();
                    if (login != null && r.url().encodedPath().startsWith("/system/")) {
                        r = r.newBuilder().header("Authorization",
                                Credentials.basic(login.user(), login.password())).build();
                    }
                    return chain.proceed(r);
                })
                .build();
    }

    /** The configuration. */
    public GatewayConfig config() {
        return config;
    }

    /** {@code text} with any {@code user:password@} in a URL replaced by {@code ***}. */
    public static String redact(String text) {
        return RedisEndpoint.redact(text);
    }

    /**
     * Creates or updates a function as faas-cli does: {@code PUT}, then {@code POST} when it does not exist.
     *
     * @return the final HTTP status (2xx)
     */
    public int deploy(FunctionDeployment function) {
        byte[] body = json.writeValueAsBytes(function);
        Answer put = send("deploy", function.service(), new Request.Builder()
                .url(systemUrl("functions").build()).put(RequestBody.create(body, JSON)).build());
        if (put.status() != 404) {
            return require(put, "deploy", function.service()).status();
        }
        Answer post = send("deploy", function.service(), new Request.Builder()
                .url(systemUrl("functions").build()).post(RequestBody.create(body, JSON)).build());
        return require(post, "deploy", function.service()).status();
    }

    /** Deletes {@code name}. @throws GatewayException with status 404 when there is no such function */
    public void delete(String name) {
        byte[] body = json.writeValueAsBytes(new DeleteFunctionRequest(name));
        require(send("delete", name, new Request.Builder().url(systemUrl("functions").build())
                .delete(RequestBody.create(body, JSON)).build()), "delete", name);
    }

    /** Every function in the namespace. */
    public List<FunctionStatus> list() {
        Answer a = require(send("list", null, new Request.Builder().url(systemUrl("functions").build()).get().build()),
                "list", null);
        return json.readValue(a.body(), new TypeReference<List<FunctionStatus>>() { });
    }

    /** {@code name}'s status, or empty when the gateway has no such function. */
    public Optional<FunctionStatus> function(String name) {
        Answer a = send("read", name, new Request.Builder()
                .url(systemUrl("function").addPathSegment(name).build()).get().build());
        if (a.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(json.readValue(require(a, "read", name).body(), FunctionStatus.class));
    }

    /** Asks for {@code replicas} of {@code name} (CE refuses 0 and may keep fewer: read them back). */
    public void scale(String name, long replicas) {
        byte[] body = json.writeValueAsBytes(new ScaleServiceRequest(name, config.namespace(), replicas));
        require(send("scale", name, new Request.Builder()
                .url(systemUrl("scale-function").addPathSegment(name).build())
                .post(RequestBody.create(body, JSON)).build()), "scale", name);
    }

    /**
     * Queues an invocation of {@code name} (the gateway answers 202 at once; a queue-worker calls the function).
     *
     * @param body the invocation's body
     * @param callbackUrl where the queue-worker posts the result, or null
     * @return the call's id from {@code X-Call-Id}, or null when the gateway sent none
     */
    public String invokeAsync(String name, byte[] body, String callbackUrl) {
        Request.Builder r = new Request.Builder().url(base.newBuilder().addPathSegment("async-function")
                .addPathSegment(name).build()).post(RequestBody.create(body, JSON));
        if (callbackUrl != null) {
            r.header(CALLBACK_URL, callbackUrl);
        }
        Answer a = require(send("invoke", name, r.build()), "invoke", name);
        if (a.status() != 202) {
            throw new GatewayException(a.status(), "the OpenFaaS gateway at " + config.redacted() + " answered "
                    + a.status() + " to an async invocation of '" + name + "' (expected 202 Accepted): check that the "
                    + "gateway runs with async invocations (queue-worker) enabled");
        }
        return a.callId();
    }

    /**
     * Polls {@code name} until it has {@code replicas} available replicas.
     *
     * @param requestedNanos {@link System#nanoTime()} when the replicas were asked for (the latency's start)
     * @return when they became available
     * @throws GatewayException when the function disappears or they are not available within {@code timeout}
     */
    public Readiness awaitAvailable(String name, long replicas, long requestedNanos, Duration timeout, Duration poll)
            throws InterruptedException {
        long deadline = requestedNanos + timeout.toNanos();
        int polls = 0;
        while (true) {
            polls++;
            Optional<FunctionStatus> s = function(name);
            long now = System.nanoTime();
            if (s.isEmpty()) {
                throw notFound(name);
            }
            if (s.get().availableReplicas() >= replicas) {
                return new Readiness(name, replicas, requestedNanos, now, polls);
            }
            if (now > deadline) {
                throw new GatewayException(0, "function '" + name + "' on the OpenFaaS gateway at "
                        + config.redacted() + " has " + s.get().availableReplicas() + " of " + replicas
                        + " replicas available after " + timeout.toSeconds() + " s: check its pods "
                        + "(kubectl -n " + config.namespace() + " describe pods -l faas_function=" + name
                        + "): image pull, resources, readiness probe");
            }
            Thread.sleep(poll.toMillis());
        }
    }

    /**
     * When a function's replicas became available.
     *
     * @param function the function
     * @param replicas how many were awaited
     * @param requestedNanos when they were asked for ({@link System#nanoTime()})
     * @param availableNanos when the gateway first reported them available
     * @param polls how many reads it took
     */
    public record Readiness(String function, long replicas, long requestedNanos, long availableNanos, int polls) {

        /** Request to available, in seconds. */
        public double latencySeconds() {
            return (availableNanos - requestedNanos) / 1e9;
        }
    }

    private HttpUrl.Builder systemUrl(String what) {
        HttpUrl.Builder b = base.newBuilder().addPathSegment("system").addPathSegment(what);
        if (config.namespace() != null && !config.namespace().isBlank()) {
            b.addQueryParameter("namespace", config.namespace());
        }
        return b;
    }

    private record Answer(int status, String body, String callId) {
    }

    /** Sends {@code request}, retrying on 429, 5xx and I/O failures; the last answer when they persist. */
    private Answer send(String op, String function, Request request) {
        long wait = config.backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            try (Response r = http.newCall(request).execute()) {
                String body = r.body().string();
                int code = r.code();
                boolean retry = code == 429 || code >= 500;
                LOG.debug("{} {} -> {} (try {})", request.method(), request.url().encodedPath(), code, attempt);
                if (!retry || attempt >= config.attempts()) {
                    return new Answer(code, body, r.header(CALL_ID));
                }
            } catch (InterruptedIOException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new GatewayException(0, "interrupted while talking to the OpenFaaS gateway at "
                            + config.redacted());
                }
                if (attempt >= config.attempts()) {
                    throw unreachable(op, function, "timed out after " + config.timeout().toMillis() + " ms", attempt);
                }
            } catch (IOException e) {
                if (attempt >= config.attempts()) {
                    throw unreachable(op, function, String.valueOf(e.getMessage()), attempt);
                }
            }
            try {
                Thread.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new GatewayException(0, "interrupted while talking to the OpenFaaS gateway at "
                        + config.redacted());
            }
            wait *= 2;
        }
    }

    private GatewayException unreachable(String op, String function, String why, int attempts) {
        return new GatewayException(0, "the OpenFaaS gateway at " + config.redacted() + " did not answer ("
                + op + (function == null ? "" : " of '" + function + "'") + ", " + attempts + " tries: "
                + redact(why) + "): check --gateway and that the gateway is running and reachable from here");
    }

    private GatewayException notFound(String function) {
        return new GatewayException(404, "the OpenFaaS gateway at " + config.redacted() + " has no function '"
                + function + "'" + (config.namespace() == null ? "" : " in namespace " + config.namespace())
                + ": check it is deployed (faas-cli list) and the namespace");
    }

    /** {@code a} when it is a 2xx, else a {@link GatewayException} saying what went wrong and what to check. */
    private Answer require(Answer a, String op, String function) {
        int s = a.status();
        if (s >= 200 && s < 300) {
            return a;
        }
        String what = op + (function == null ? "" : " of '" + function + "'");
        String first = a.body() == null ? "" : redact(a.body().strip().lines().findFirst().orElse(""));
        String said = first.isEmpty() ? "" : ": " + first.substring(0, Math.min(200, first.length()));
        String gw = "the OpenFaaS gateway at " + config.redacted();
        throw switch (s) {
            case 401, 403 -> new GatewayException(s, gw + " refused the login" + (config.credentials() == null
                    ? " (no password given)" : " of user " + config.credentials().user()) + " (" + s + ") for "
                    + what + ": check the gateway password (--gateway-password-file or " + GatewayCredentials.PASSWORD_ENV
                    + "; kubectl -n openfaas get secret basic-auth)");
            case 404 -> function == null ? new GatewayException(s, gw + " answered 404 to " + what
                    + ": check --gateway points at the gateway, not a function") : notFound(function);
            case 400 -> new GatewayException(s, gw + " refused " + what + " (400" + said + ")" + hint400(a.body()));
            default -> new GatewayException(s, gw + " failed " + what + " (" + s + said + ") after "
                    + config.attempts() + " tries: check the gateway's logs (kubectl -n openfaas logs deploy/gateway)");
        };
    }

    private static String hint400(String body) {
        String b = body == null ? "" : body.toLowerCase(java.util.Locale.ROOT);
        if (b.contains("maximum")) {
            return ": OpenFaaS CE limit on the number of functions; use the replicas layout, fewer workers, or "
                    + "OpenFaaS Pro / a patched build";
        }
        if (b.contains("replicas cannot be set to 0")) {
            return ": OpenFaaS CE does not scale to zero; delete the function instead";
        }
        if (b.contains("anonymous") || b.contains("private")) {
            return ": OpenFaaS CE pulls only public images; push the function image to a public registry";
        }
        return ": check the function's image, name and namespace";
    }

    @Override
    public void close() {
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }
}
