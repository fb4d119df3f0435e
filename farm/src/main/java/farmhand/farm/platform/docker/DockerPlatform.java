package farmhand.farm.platform.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.CreateContainerResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Event;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Statistics;
import com.github.dockerjava.api.model.Volume;
import farmhand.farm.container.ContainerEngine;
import farmhand.farm.container.FunctionContainerMain;
import farmhand.farm.container.FunctionServer;
import farmhand.farm.platform.Platform;
import farmhand.farm.runtime.FunctionEnvironment;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every function a container of the function image (one container per function, like the paper's
 * one function per worker), through the engine Testcontainers finds (docker-java). A scale-up =
 * create + start + wait for OpenFaaS's health path + invoke (which starts the loop); the initial
 * functions start their loops by themselves so they boot together; retire = wait for the
 * function to exit after the farm's handshake, then remove; remove = stop and remove; kill =
 * {@code docker kill}. Containers share the host's network (each serves the contract on its own
 * port; the farm's Redis is reached at the URL the farm uses), are labelled with the run id and this
 * platform's owner id, and are always removed: at {@link #close}, and by a shutdown hook on Ctrl-C.
 * Scale-up latencies are real and recorded ({@link #scaleUps()}). Thread-safe.
 */
public final class DockerPlatform implements Platform {

    /** Label: the farm's run id. */
    public static final String LABEL_RUN = "farmhand.run";
    /** Label: the function's name. */
    public static final String LABEL_FUNCTION = "farmhand.function";
    /** Where a container sees the host's class-data-sharing directory. */
    static final String CDS_MOUNT = "/farmhand-cds";

    /** Label: the platform instance (process and object) that owns the container. */
    public static final String LABEL_OWNER = "farmhand.owner";

    private static final AtomicInteger INSTANCES = new AtomicInteger();
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);

    private record Deployed(String containerId, int port) {
    }

    private final DockerClient docker;
    private final DockerPlatformConfig config;
    private final String owner;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, Deployed> containers = new ConcurrentHashMap<>();
    private final Set<String> diedIds = ConcurrentHashMap.newKeySet();
    private final Set<Integer> portsInUse = ConcurrentHashMap.newKeySet();
    private final List<ScaleUpTiming> scaleUps = new CopyOnWriteArrayList<>();
    private final AtomicReference<Throwable> eventsFailure = new AtomicReference<>();
    private final Closeable events;
    private final Thread shutdownHook;
    /** The JVM options that map (or, when missing, write) the image's class-data-sharing archive; null: none. */
    private final String cdsOptions;
    /** The archive's file on the host, or null. */
    private final Path cdsArchive;

    /** A platform on the engine Testcontainers finds; fails naming why when there is none or no image. */
    public DockerPlatform(DockerPlatformConfig config) {
        this(ContainerEngine.client(), config);
    }

    /** A platform on {@code docker}. */
    public DockerPlatform(DockerClient docker, DockerPlatformConfig config) {
        this.docker = docker;
        this.config = config;
        this.owner = ProcessHandle.current().pid() + "-" + INSTANCES.incrementAndGet();
        String imageId;
        try {
            imageId = docker.inspectImageCmd(config.image()).exec().getId();
        } catch (NotFoundException e) {
            throw new IllegalStateException("the function image " + config.image() + " is not in the Docker engine;"
                    + " build it with ./mvnw -pl farm -am package jib:dockerBuild (see README)");
        }
        this.cdsOptions = config.cdsDirectory() == null ? null : cdsOptions(config.cdsDirectory(), imageId);
        this.cdsArchive = cdsOptions == null ? null
                : config.cdsDirectory().resolve(cdsOptions.substring(cdsOptions.lastIndexOf('/') + 1));
        this.events = docker.eventsCmd()
                .withLabelFilter(Map.of(LABEL_OWNER, owner))
                .withEventFilter("die")
                .exec(new ResultCallback.Adapter<Event>() {
                    @Override
                    public void onNext(Event event) {
                        if (event.getActor() != null && event.getActor().getId() != null) {
                            diedIds.add(event.getActor().getId());
                        } else if (event.getId() != null) {
                            diedIds.add(event.getId());
                        }
                    }

                    @Override
                    public void onError(Throwable t) {
                        eventsFailure.set(t);
                    }
                });
        this.shutdownHook = new Thread(this::removeOwnedContainers, "docker-platform-cleanup");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    @Override
    public String name() {
        return "docker";
    }

    /** The configuration. */
    public DockerPlatformConfig config() {
        return config;
    }

    /** The fixed part of the start allowance (no initial function). */
    @Override
    public Duration startAllowance() {
        return config.startAllowance(0);
    }

    /** Containers of the initial functions boot together on the machine's cores: a JVM start each. */
    @Override
    public Duration startAllowance(int initialFunctions) {
        return config.startAllowance(initialFunctions);
    }

    @Override
    public void beginEpisode(long seed) {
        // nothing is drawn: latencies are the containers' own
    }

    @Override
    public void deploy(FunctionEnvironment function, boolean initial) {
        String name = function.function().name();
        if (containers.containsKey(name)) {
            throw new IllegalStateException("function " + name + " is already deployed");
        }
        long request = System.nanoTime();
        int port = freePort();
        List<String> env = new ArrayList<>();
        function.toEnv().forEach((k, v) -> env.add(k + "=" + v));
        env.add(FunctionContainerMain.PORT + "=" + port);
        if (initial) {
            // the initial functions boot together and start their loops by themselves (the farm awaits
            // their START); a scale-up goes the contract's way: health, then an invocation, each timed
            env.add(FunctionContainerMain.AUTOSTART + "=true");
        }
        HostConfig host = HostConfig.newHostConfig().withNetworkMode("host");
        if (config.memoryBytes() > 0) {
            host.withMemory(config.memoryBytes()).withMemorySwap(config.memoryBytes());
        }
        List<Bind> binds = new ArrayList<>();
        Path passwordFile = function.redis().passwordFile();
        if (passwordFile != null) {
            binds.add(new Bind(passwordFile.toString(), new Volume(passwordFile.toString()), AccessMode.ro));
        }
        if (cdsOptions != null) {
            binds.add(new Bind(config.cdsDirectory().toAbsolutePath().toString(), new Volume(CDS_MOUNT), AccessMode.rw));
            env.add("JAVA_TOOL_OPTIONS=" + cdsOptions);
        }
        if (!binds.isEmpty()) {
            host.withBinds(binds);
        }
        String run = function.names().run();
        CreateContainerResponse created = docker.createContainerCmd(config.image())
                .withName(containerName(run, name))
                .withEnv(env)
                .withLabels(Map.of(LABEL_RUN, run, LABEL_FUNCTION, name, LABEL_OWNER, owner))
                .withHostConfig(host)
                .exec();
        String id = created.getId();
        containers.put(name, new Deployed(id, port));
        docker.startContainerCmd(id).exec();
        long running = System.nanoTime();
        if (initial) {
            scaleUps.add(new ScaleUpTiming(name, true, request, running, running, running));
            return;
        }
        awaitHealthy(name, id, port, request);
        long healthy = System.nanoTime();
        // stamped as the invocation is sent: the loop may announce START before the answer reaches us
        long invoked = System.nanoTime();
        invoke(name, port);
        scaleUps.add(new ScaleUpTiming(name, initial, request, running, healthy, invoked));
    }

    private void awaitHealthy(String name, String id, int port, long requestNanos) {
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + FunctionServer.HEALTH_PATH))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = requestNanos + config.readyTimeout().toNanos();
        while (true) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for function " + name);
            }
            if (diedIds.contains(id) || !isRunning(id)) {
                throw new IllegalStateException("the container of function " + name + " exited before serving "
                        + FunctionServer.HEALTH_PATH + ": " + tail(logs(name), 600));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the container of function " + name + " did not serve "
                        + FunctionServer.HEALTH_PATH + " within " + config.readyTimeout().toSeconds() + " s");
            }
            sleepMillis(5);
        }
    }

    private void invoke(String name, int port) {
        HttpRequest invoke = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/?async=true"))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build();
        try {
            int status = http.send(invoke, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status != 202) {
                throw new IllegalStateException("invoking function " + name + " answered HTTP " + status);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not invoke function " + name + " on port " + port, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while invoking function " + name);
        }
    }

    @Override
    public void retire(String name, long requestedNanos) {
        Deployed d = containers.get(name);
        if (d == null) {
            return;
        }
        // the function exits by itself after the handshake; give it the stop grace, then stop it
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (!diedIds.contains(d.containerId()) && System.nanoTime() < deadline) {
            sleepMillis(10);
        }
        remove(name);
    }

    @Override
    public void remove(String name) {
        Deployed d = containers.remove(name);
        if (d == null) {
            return;
        }
        try {
            docker.removeContainerCmd(d.containerId()).withForce(true).exec();
        } catch (NotFoundException e) {
            // already gone
        } finally {
            portsInUse.remove(d.port());
            diedIds.remove(d.containerId());
        }
    }

    @Override
    public void kill(String name) {
        Deployed d = containers.get(name);
        if (d == null) {
            return;
        }
        try {
            docker.killContainerCmd(d.containerId()).exec();
        } catch (RuntimeException e) {
            // it exited already (the engine refuses to kill a stopped container)
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!diedIds.contains(d.containerId()) && isRunning(d.containerId()) && System.nanoTime() < deadline) {
            sleepMillis(10);
        }
        diedIds.add(d.containerId());
    }

    @Override
    public Set<String> deployed() {
        return new TreeSet<>(containers.keySet());
    }

    @Override
    public boolean exited(String name) {
        Deployed d = containers.get(name);
        if (d == null) {
            return false;
        }
        if (diedIds.contains(d.containerId())) {
            return true;
        }
        return eventsFailure.get() != null && !isRunning(d.containerId());
    }

    /** The id of the container running {@code name}, or null. */
    public String containerId(String name) {
        Deployed d = containers.get(name);
        return d == null ? null : d.containerId();
    }

    /** Every deployment's timing so far, in order. */
    public List<ScaleUpTiming> scaleUps() {
        return List.copyOf(scaleUps);
    }

    /** The memory the engine accounts to {@code name}'s container now (bytes), or -1 when unknown. */
    public long memoryUsageBytes(String name) {
        Deployed d = containers.get(name);
        if (d == null) {
            return -1;
        }
        CountDownLatch first = new CountDownLatch(1);
        AtomicLong usage = new AtomicLong(-1);
        try (ResultCallback.Adapter<Statistics> cb = docker.statsCmd(d.containerId()).withNoStream(true)
                .exec(new ResultCallback.Adapter<>() {
                    @Override
                    public void onNext(Statistics s) {
                        if (s.getMemoryStats() != null && s.getMemoryStats().getUsage() != null) {
                            long cache = 0;
                            if (s.getMemoryStats().getStats() != null
                                    && s.getMemoryStats().getStats().getCache() != null) {
                                cache = s.getMemoryStats().getStats().getCache();
                            }
                            usage.set(s.getMemoryStats().getUsage() - cache);
                        }
                        first.countDown();
                    }
                })) {
            first.await(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            return usage.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return usage.get();
    }

    /** What {@code name}'s container printed (standard output and error), or "" when unknown. */
    public String logs(String name) {
        Deployed d = containers.get(name);
        if (d == null) {
            return "";
        }
        StringBuilder out = new StringBuilder();
        try {
            docker.logContainerCmd(d.containerId()).withStdOut(true).withStdErr(true)
                    .exec(new ResultCallback.Adapter<Frame>() {
                        @Override
                        public void onNext(Frame frame) {
                            synchronized (out) {
                                out.append(new String(frame.getPayload(), java.nio.charset.StandardCharsets.UTF_8));
                            }
                        }
                    }).awaitCompletion(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "";
        }
        synchronized (out) {
            return out.toString();
        }
    }

    /**
     * Removes every function and this platform's containers, stops listening to the engine. While the image's
     * class-data-sharing archive is still missing, first gives the functions (told to TERMINATE by the farm)
     * up to 30 s to exit by themselves: a JVM writes the archive at its exit, and removal kills it.
     */
    @Override
    public void close() {
        if (cdsArchive != null && !java.nio.file.Files.exists(cdsArchive)) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && containers.values().stream()
                    .anyMatch(d -> !diedIds.contains(d.containerId()) && isRunning(d.containerId()))) {
                sleepMillis(100);
            }
        }
        removeAll();
        removeOwnedContainers();
        try {
            events.close();
        } catch (IOException e) {
            // the event stream is closing anyway
        }
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs
        }
    }

    /**
     * Force-removes every container labelled with this platform's owner id (also from the shutdown hook),
     * and waits (up to 15 s) until none is left: a removal already in progress elsewhere (the farm closing
     * at the same time) is waited for, not given up on.
     */
    private void removeOwnedContainers() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        String lastError = null;
        while (true) {
            List<Container> owned;
            try {
                owned = docker.listContainersCmd().withShowAll(true)
                        .withLabelFilter(Map.of(LABEL_OWNER, owner)).exec();
            } catch (RuntimeException e) {
                System.err.println("docker platform: could not list its containers (label " + LABEL_OWNER + "="
                        + owner + "): " + e.getMessage());
                return;
            }
            if (owned.isEmpty()) {
                return;
            }
            for (Container c : owned) {
                try {
                    docker.removeContainerCmd(c.getId()).withForce(true).exec();
                } catch (RuntimeException e) {
                    lastError = e.getMessage(); // gone already, or being removed: listed again below
                }
            }
            if (System.nanoTime() > deadline) {
                System.err.println("docker platform: " + owned.size() + " of its containers (label " + LABEL_OWNER
                        + "=" + owner + ") were still there after 15 s: " + lastError);
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private boolean isRunning(String id) {
        try {
            Boolean running = docker.inspectContainerCmd(id).exec().getState().getRunning();
            return running != null && running;
        } catch (NotFoundException e) {
            return false;
        }
    }

    private int freePort() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (portsInUse.add(port)) {
                    return port;
                }
            } catch (IOException e) {
                throw new UncheckedIOException("no free port for a function container", e);
            }
        }
        throw new IllegalStateException("no free port for a function container after 100 attempts");
    }

    /**
     * Creates {@code directory} (writable by the containers' user) and answers the JVM options that map the
     * dynamic class-data-sharing archive of image {@code imageId} from it, or write it at the JVM's exit when
     * it is missing or does not match ({@code -XX:+AutoCreateSharedArchive}, JDK 19+). One archive per image:
     * a rebuilt image gets its own. Containers that exit together may each write it (the JVM removes the
     * file and creates it anew); a JVM validates an archive's header before mapping it and runs without one
     * it cannot validate (not observed to happen here; the first episode's containers write it together).
     */
    static String cdsOptions(Path directory, String imageId) {
        try {
            java.nio.file.Files.createDirectories(directory);
            directory.toFile().setWritable(true, false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the class-data-sharing directory " + directory, e);
        }
        String id = imageId.startsWith("sha256:") ? imageId.substring(7) : imageId;
        return "-XX:+AutoCreateSharedArchive -XX:SharedArchiveFile=" + CDS_MOUNT + "/function-"
                + id.substring(0, Math.min(16, id.length())) + ".jsa";
    }

    /** A container name from the run and function (Docker allows [a-zA-Z0-9_.-]). */
    static String containerName(String run, String function) {
        return ("farmhand-" + run + "-" + function).replaceAll("[^a-zA-Z0-9_.-]", "_");
    }

    private static String tail(String s, int chars) {
        String t = s.strip();
        return t.isEmpty() ? "(no output)" : t.length() <= chars ? t : "..." + t.substring(t.length() - chars);
    }

    private static void sleepMillis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
