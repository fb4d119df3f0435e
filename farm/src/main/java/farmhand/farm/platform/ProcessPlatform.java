package farmhand.farm.platform;

import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.runtime.FunctionMain;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every function a child JVM running {@link FunctionMain} with this JVM's class path, configured by
 * environment variables only: a dead function is a dead process, as on a real serverless platform.
 * {@link #kill} is {@code kill -9}. Each process's output goes to a log file in a temporary folder
 * (removed at {@link #close}). Latencies are real (process start-up), not modelled. Thread-safe.
 */
public final class ProcessPlatform implements Platform {

    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Path logs;
    private final List<String> jvmOptions;

    /** Child JVMs with options for a fast start and a small heap. */
    public ProcessPlatform() {
        this(List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx96m", "-Xss512k"));
    }

    /** @param jvmOptions options for every child JVM */
    public ProcessPlatform(List<String> jvmOptions) {
        this.jvmOptions = List.copyOf(jvmOptions);
        try {
            this.logs = Files.createTempDirectory("farmhand-functions-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a folder for the functions' logs", e);
        }
    }

    @Override
    public String name() {
        return "process";
    }

    /** A JVM per function starts in ~0.3-1 s here; several at once on two cores take longer. */
    @Override
    public java.time.Duration startAllowance() {
        return java.time.Duration.ofSeconds(3);
    }

    @Override
    public void beginEpisode(long seed) {
        // nothing is drawn: latencies are the processes' own
    }

    @Override
    public void deploy(FunctionEnvironment function, boolean initial) {
        String name = function.function().name();
        if (processes.containsKey(name)) {
            throw new IllegalStateException("function " + name + " is already deployed");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(FunctionMain.class.getName());
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().putAll(function.toEnv());
        File log = logs.resolve(name + ".log").toFile();
        pb.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log));
        try {
            processes.put(name, pb.start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start a JVM for function " + name + ": " + e.getMessage(), e);
        }
    }

    /** The process running {@code name} (tests kill it from outside), or null. */
    public ProcessHandle process(String name) {
        Process p = processes.get(name);
        return p == null ? null : p.toHandle();
    }

    @Override
    public void retire(String name, long requestedNanos) {
        Process p = processes.remove(name);
        if (p != null) {
            try {
                if (!p.waitFor(5, TimeUnit.SECONDS)) {
                    stop(p);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                p.destroyForcibly();
            }
        }
    }

    @Override
    public void remove(String name) {
        Process p = processes.remove(name);
        if (p != null) {
            stop(p);
        }
    }

    private static void stop(Process p) {
        p.destroy();
        try {
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
        }
    }

    @Override
    public void kill(String name) {
        Process p = processes.get(name);
        if (p != null) {
            p.destroyForcibly();
            try {
                p.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public Set<String> deployed() {
        return new TreeSet<>(processes.keySet());
    }

    @Override
    public boolean exited(String name) {
        Process p = processes.get(name);
        return p != null && !p.isAlive();
    }

    /** What {@code name}'s process printed (for diagnosing a test), or "" when nothing. */
    public String log(String name) {
        try {
            Path f = logs.resolve(name + ".log");
            return Files.exists(f) ? Files.readString(f) : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Stops every function and deletes the logs folder. */
    @Override
    public void close() {
        removeAll();
        try (var files = Files.list(logs)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(logs);
        } catch (IOException e) {
            // best effort: a temporary folder
        }
    }
}
