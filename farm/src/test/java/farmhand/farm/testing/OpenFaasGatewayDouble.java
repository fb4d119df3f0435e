package farmhand.farm.testing;

import farmhand.farm.platform.LatencyProfile;
import farmhand.farm.platform.LocalPlatform;
import farmhand.farm.platform.Platform;
import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.runtime.NameClaim;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A TEST DOUBLE of an OpenFaaS Community Edition gateway (with faas-netes behind it) on OkHttp's
 * MockWebServer: never OpenFaaS itself. It keeps functions and replicas and answers as CE's sources do
 * (faas-netes {@code pkg/handlers/deploy.go}, {@code delete.go}, {@code replica_updater.go}; faas {@code
 * gateway/handlers/queue_proxy.go}): 202 on create, update, delete and scale; 404 for an unknown function (500
 * on scale, as faas-netes answers there); 400 past 15 functions, for 0 replicas and for an invalid body; replicas
 * clamped to 5; {@code replicas} and {@code availableReplicas} omitted from the JSON when 0; an {@code X-Call-Id}
 * on every answer; basic auth on {@code /system/*} only. A new replica becomes available after a configurable
 * readiness delay. An async invocation goes to an available replica with no call in flight (queued until there
 * is one); that replica then runs the function on a backing platform ({@link LocalPlatform} threads) with the
 * deployment's {@code envVars} overlaid by the invocation's JSON body. A replica whose function ended restarts
 * (unavailable for the readiness delay) {@link #EXIT_DELAY} after it ended, as the image's container whose
 * process exited does. A function deployed with
 * {@code FARM_AUTOSTART=true} and {@code FARM_CLAIM_NAME=true} runs as the function image does: each replica,
 * once available, claims its name on the farm's Redis ({@link NameClaim}, the image's own code) and runs.
 */
public final class OpenFaasGatewayDouble implements AutoCloseable {

    /** CE's per-function replica limit. */
    public static final int MAX_REPLICAS = 5;
    /** CE's function limit. */
    public static final int MAX_FUNCTIONS = 15;
    /**
     * How long a replica stays ready after its function's loop ended: the function image's process lingers 200 ms
     * for the invocations that joined the loop ({@code FunctionContainerMain}) before it exits and the pod restarts.
     */
    static final Duration EXIT_DELAY = Duration.ofMillis(200);

    private final MockWebServer server = new MockWebServer();
    private final String password;
    private final Duration readiness;
    private final Platform backing = new LocalPlatform(LatencyProfile.instant(), 1);
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, Fn> functions = new LinkedHashMap<>();
    private final Deque<Invocation> queued = new ArrayDeque<>();
    private final AtomicInteger failNext = new AtomicInteger();
    private final List<String> callIds = new ArrayList<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "openfaas-double");
        t.setDaemon(true);
        return t;
    });
    private int failStatus = 503;
    private boolean loseCreated;

    private static final class Fn {
        final String name;
        Map<String, String> env;
        String image;
        final List<Replica> replicas = new ArrayList<>();
        double invocations;

        Fn(String name) {
            this.name = name;
        }
    }

    private static final class Replica {
        long readyAtNanos;
        String running; // the backing function it runs, or null
        Thread claiming; // an autostarted replica waiting for its name, or null
        long exitedAtNanos; // when its function's loop ended (0: running or idle); the pod stays ready EXIT_DELAY

        Replica(long readyAtNanos) {
            this.readyAtNanos = readyAtNanos;
        }

        boolean available(long now) {
            return now >= readyAtNanos;
        }
    }

    private record Invocation(String function, Map<String, String> overrides) {
    }

    /**
     * Starts a double on a free local port.
     *
     * @param password the admin password {@code /system/*} requires, or null for no auth
     * @param readiness how long a new or restarted replica takes to become available
     */
    public OpenFaasGatewayDouble(String password, Duration readiness) throws IOException {
        this.password = password;
        this.readiness = readiness;
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                synchronized (OpenFaasGatewayDouble.this) {
                    return handle(request);
                }
            }
        });
        server.start();
        ticker.scheduleWithFixedDelay(this::tick, 10, 10, TimeUnit.MILLISECONDS);
    }

    /** The gateway's URL, e.g. {@code http://127.0.0.1:PORT}. */
    public String url() {
        return server.url("/").toString().replaceAll("/$", "");
    }

    /** The next {@code n} requests (any path) answer {@code status} (e.g. 503, 429) without effect. */
    public void failNext(int n, int status) {
        failStatus = status;
        failNext.set(n);
    }

    /**
     * When true, a created function is answered 202 and then forgotten, as when its Deployment is removed at
     * once by someone else: reads of it answer 404.
     */
    public synchronized void loseCreatedFunctions(boolean lose) {
        loseCreated = lose;
    }

    /** The next request the double received (for contract tests), waiting up to 5 s; null if none. */
    public RecordedRequest takeRequest() throws InterruptedException {
        return server.takeRequest(5, TimeUnit.SECONDS);
    }

    /** The next request already received, or null at once when there is none. */
    public RecordedRequest takeRequestNow() throws InterruptedException {
        return server.takeRequest(1, TimeUnit.MILLISECONDS);
    }

    /** How many requests the double received. */
    public int requestCount() {
        return server.getRequestCount();
    }

    /** The backing functions running now (farm function names). */
    public synchronized List<String> running() {
        List<String> r = new ArrayList<>();
        for (Fn f : functions.values()) {
            for (Replica rep : f.replicas) {
                if (rep.running != null) {
                    r.add(rep.running);
                }
            }
        }
        return r;
    }

    /** The names of the functions deployed now. */
    public synchronized List<String> functionNames() {
        return List.copyOf(functions.keySet());
    }

    /** The environment a function was deployed with. */
    public synchronized Map<String, String> envOf(String function) {
        Fn f = functions.get(function);
        return f == null ? null : Map.copyOf(f.env);
    }

    private MockResponse handle(RecordedRequest r) {
        String callId = UUID.randomUUID().toString();
        callIds.add(callId);
        String path = r.getUrl().encodedPath();
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return answer(failStatus, "injected failure", callId);
        }
        if (path.startsWith("/system/") && password != null && !authorised(r)) {
            return answer(401, "Unauthorized", callId);
        }
        String method = r.getMethod();
        try {
            if (path.equals("/system/functions")) {
                return switch (method) {
                    case "GET" -> answerJson(200, functions.values().stream().map(this::status).toList(), callId);
                    case "POST" -> create(r, callId);
                    case "PUT" -> update(r, callId);
                    case "DELETE" -> delete(r, callId);
                    default -> answer(405, "method not allowed", callId);
                };
            }
            if (path.startsWith("/system/function/") && method.equals("GET")) {
                Fn f = functions.get(path.substring("/system/function/".length()));
                return f == null ? answer(404, "not found", callId) : answerJson(200, status(f), callId);
            }
            if (path.startsWith("/system/scale-function/") && method.equals("POST")) {
                return scale(path.substring("/system/scale-function/".length()), r, callId);
            }
            if (path.startsWith("/async-function/") && method.equals("POST")) {
                return invoke(path.substring("/async-function/".length()), r, callId);
            }
        } catch (RuntimeException e) {
            return answer(400, "Cannot parse request. Please pass valid JSON.", callId);
        }
        return answer(404, "404 page not found", callId);
    }

    private boolean authorised(RecordedRequest r) {
        String h = r.getHeaders().get("Authorization");
        String expected = "Basic " + Base64.getEncoder().encodeToString(("admin:" + password)
                .getBytes(StandardCharsets.UTF_8));
        return expected.equals(h);
    }

    private JsonNode body(RecordedRequest r) {
        return json.readTree(r.getBody() == null ? "" : r.getBody().utf8());
    }

    private MockResponse create(RecordedRequest r, String callId) {
        JsonNode b = body(r);
        String name = b.path("service").asString("");
        if (!name.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
            return answer(400, "validation failed: (" + name + ") must be a valid DNS entry for service name", callId);
        }
        if (functions.size() + 1 > MAX_FUNCTIONS) {
            return answer(400, "unable to create function, maximum: " + MAX_FUNCTIONS
                    + ", visit https://openfaas.com/pricing to upgrade to OpenFaaS Standard", callId);
        }
        if (functions.containsKey(name)) {
            return answer(500, "unable create Deployment: deployments.apps \"" + name + "\" already exists", callId);
        }
        Fn f = new Fn(name);
        apply(f, b);
        f.replicas.add(new Replica(System.nanoTime() + readiness.toNanos()));
        if (!loseCreated) {
            functions.put(name, f);
        }
        return answer(202, "", callId);
    }

    private MockResponse update(RecordedRequest r, String callId) {
        JsonNode b = body(r);
        Fn f = functions.get(b.path("service").asString(""));
        if (f == null) {
            return answer(404, "deployment not found", callId);
        }
        apply(f, b);
        return answer(202, "", callId);
    }

    private void apply(Fn f, JsonNode b) {
        f.image = b.path("image").asString("");
        f.env = b.has("envVars") ? json.convertValue(b.get("envVars"), new TypeReference<Map<String, String>>() { })
                : Map.of();
    }

    private MockResponse delete(RecordedRequest r, String callId) {
        String name = body(r).path("functionName").asString("");
        if (name.isEmpty()) {
            return answer(400, "", callId);
        }
        Fn f = functions.remove(name);
        if (f == null) {
            return answer(404, "deployments.apps \"" + name + "\" not found", callId);
        }
        for (Replica rep : f.replicas) {
            stop(rep);
        }
        queued.removeIf(i -> i.function().equals(name));
        return answer(202, "", callId);
    }

    private MockResponse scale(String name, RecordedRequest r, String callId) {
        long want = body(r).path("replicas").asLong(0);
        if (want == 0) {
            return answer(400, "replicas cannot be set to 0 in OpenFaaS CE", callId);
        }
        Fn f = functions.get(name);
        if (f == null) {
            return answer(500, "Unable to lookup function deployment " + name, callId);
        }
        int target = (int) Math.min(want, MAX_REPLICAS);
        while (f.replicas.size() < target) {
            f.replicas.add(new Replica(System.nanoTime() + readiness.toNanos()));
        }
        while (f.replicas.size() > target) {
            // as a ReplicaSet scales down: not-ready and idle pods first, then the newest
            Replica victim = f.replicas.stream().filter(x -> x.running == null).reduce((a, c) -> c)
                    .orElse(f.replicas.getLast());
            f.replicas.remove(victim);
            stop(victim);
        }
        return answer(202, "", callId);
    }

    private MockResponse invoke(String name, RecordedRequest r, String callId) {
        Map<String, String> overrides = new HashMap<>();
        String raw = r.getBody() == null ? "" : r.getBody().utf8();
        if (!raw.isBlank()) {
            JsonNode b = json.readTree(raw);
            if (b.isObject()) {
                overrides = json.convertValue(b, new TypeReference<Map<String, String>>() { });
            }
        }
        queued.add(new Invocation(name, overrides));
        dispatchQueued();
        return answer(202, "", callId);
    }

    /** Runs queued invocations on available idle replicas; restarts replicas whose function ended. */
    private synchronized void tick() {
        try {
            long now = System.nanoTime();
            for (Fn f : functions.values()) {
                for (Replica rep : f.replicas) {
                    if (rep.running != null && backing.exited(rep.running)) {
                        if (rep.exitedAtNanos == 0) {
                            rep.exitedAtNanos = now; // the image's process lingers EXIT_DELAY after its loop
                        }
                        if (now - rep.exitedAtNanos >= EXIT_DELAY.toNanos()) {
                            backing.remove(rep.running);
                            rep.running = null;
                            rep.exitedAtNanos = 0;
                            rep.readyAtNanos = now + readiness.toNanos(); // the container restarts
                        }
                    }
                }
            }
            dispatchQueued();
            autostart(now);
        } catch (RuntimeException e) {
            // keep ticking: a test reads the state
        }
    }

    private void dispatchQueued() {
        long now = System.nanoTime();
        for (var it = queued.iterator(); it.hasNext(); ) {
            Invocation inv = it.next();
            Fn f = functions.get(inv.function());
            if (f == null) {
                it.remove(); // the queue-worker gives up on a function that is gone
                continue;
            }
            Replica idle = f.replicas.stream().filter(x -> x.available(now) && x.running == null).findFirst().orElse(null);
            if (idle == null) {
                continue;
            }
            it.remove();
            Map<String, String> env = new HashMap<>(f.env);
            env.putAll(inv.overrides());
            FunctionEnvironment fe = FunctionEnvironment.fromEnv(env);
            f.invocations++;
            idle.running = fe.function().name();
            backing.deploy(fe, true);
        }
    }

    /** Starts the loops of available autostarting replicas: each claims its name first, as the image does. */
    private void autostart(long now) {
        for (Fn f : functions.values()) {
            if (!NameClaim.wanted(f.env) || !Boolean.parseBoolean(f.env.get("FARM_AUTOSTART"))) {
                continue;
            }
            Map<String, String> env = Map.copyOf(f.env);
            for (Replica rep : f.replicas) {
                if (rep.available(now) && rep.running == null && rep.claiming == null) {
                    rep.claiming = Thread.ofVirtual().name("openfaas-double-claim").start(() -> {
                        try {
                            FunctionEnvironment fe = NameClaim.await(env);
                            synchronized (OpenFaasGatewayDouble.this) {
                                rep.claiming = null;
                                if (f.replicas.contains(rep) && functions.get(f.name) == f) {
                                    rep.running = fe.function().name();
                                    backing.deploy(fe, true);
                                }
                            }
                        } catch (InterruptedException | RuntimeException e) {
                            // the replica went (scaled down, deleted) while it waited
                        }
                    });
                }
            }
        }
    }

    private void stop(Replica rep) {
        if (rep.claiming != null) {
            rep.claiming.interrupt();
            rep.claiming = null;
        }
        if (rep.running != null) {
            String name = rep.running;
            rep.running = null;
            Thread.ofVirtual().start(() -> backing.remove(name));
        }
    }

    private Map<String, Object> status(Fn f) {
        long now = System.nanoTime();
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", f.name);
        s.put("image", f.image);
        s.put("namespace", "openfaas-fn");
        if (f.invocations > 0) {
            s.put("invocationCount", f.invocations);
        }
        if (!f.replicas.isEmpty()) {
            s.put("replicas", f.replicas.size());
        }
        long available = f.replicas.stream().filter(x -> x.available(now)).count();
        if (available > 0) {
            s.put("availableReplicas", available);
        }
        return s;
    }

    private MockResponse answerJson(int code, Object body, String callId) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json")
                .addHeader("X-Call-Id", callId).body(json.writeValueAsString(body)).build();
    }

    private static MockResponse answer(int code, String body, String callId) {
        return new MockResponse.Builder().code(code).addHeader("X-Call-Id", callId).body(body).build();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        synchronized (this) {
            functions.values().forEach(f -> f.replicas.forEach(r -> {
                if (r.claiming != null) {
                    r.claiming.interrupt();
                }
            }));
            backing.close();
        }
        server.close();
    }
}
