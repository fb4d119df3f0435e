package farmhand.farm.testing;

import farmhand.farm.container.ContainerEngine;
import farmhand.farm.live.RedisServerBinary;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

/**
 * A Redis in a container, through Testcontainers. Its image ({@value #IMAGE}) holds the farm's
 * {@code redis-server} ({@link RedisServerBinary}: the one on the PATH, else the bundled one) and the
 * shared libraries {@code ldd} lists for it; it is built here from
 * those files when the engine does not have it yet, so nothing is ever pulled.
 */
public final class RedisContainer implements AutoCloseable {

    /** The image's fixed tag. */
    public static final String IMAGE = "farmhand/redis:7";
    private static final int PORT = 6379;

    private final GenericContainer<?> container;

    private RedisContainer(GenericContainer<?> container) {
        this.container = container;
    }

    /** Starts a Redis container (building its image first when missing); needs an engine. */
    public static RedisContainer start() {
        ensureImage();
        GenericContainer<?> c = new GenericContainer<>(DockerImageName.parse(IMAGE))
                .withExposedPorts(PORT)
                .withLabel("farmhand.fixture", "test-redis")
                .waitingFor(Wait.forLogMessage(".*Ready to accept connections.*\\n", 1));
        c.start();
        return new RedisContainer(c);
    }

    /** The URL at which the host reaches it (a port mapped on the host's loopback). */
    public String url() {
        return "redis://" + container.getHost() + ":" + container.getMappedPort(PORT);
    }

    /** The container's id. */
    public String containerId() {
        return container.getContainerId();
    }

    /** Stops and removes the container. */
    @Override
    public void close() {
        container.stop();
    }

    private static synchronized void ensureImage() {
        if (ContainerEngine.hasImage(IMAGE)) {
            return;
        }
        Path server = redisServerBinary();
        ImageFromDockerfile image = new ImageFromDockerfile(IMAGE, false)
                .withFileFromPath("rootfs/usr/bin/redis-server", server);
        for (Path lib : sharedLibraries(server)) {
            try {
                image.withFileFromPath("rootfs" + lib, lib.toRealPath(), 0755);
            } catch (IOException e) {
                throw new UncheckedIOException("could not read " + lib + " for the Redis image", e);
            }
        }
        image.withDockerfileFromBuilder(b -> b.from("scratch")
                .copy("rootfs/", "/")
                .workDir("/tmp")
                .expose(PORT)
                .entryPoint("/usr/bin/redis-server", "--protected-mode", "no", "--save", "", "--appendonly", "no")
                .build());
        try {
            image.get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("could not build the Redis image " + IMAGE + " from " + server, e);
        }
    }

    private static Path redisServerBinary() {
        try {
            return RedisServerBinary.resolve().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the redis-server binary the Redis image is built from", e);
        }
    }

    /** Absolute paths of the libraries {@code ldd} lists for {@code binary}, the loader included. */
    private static List<Path> sharedLibraries(Path binary) {
        try {
            Process ldd = new ProcessBuilder("ldd", binary.toString()).redirectErrorStream(true).start();
            String out = new String(ldd.getInputStream().readAllBytes());
            if (ldd.waitFor() != 0 && out.contains("not a dynamic executable")) {
                return List.of(); // a static binary needs no libraries
            }
            if (ldd.exitValue() != 0) {
                throw new IllegalStateException("ldd " + binary + " failed: " + out);
            }
            Set<Path> libs = new LinkedHashSet<>();
            Matcher m = Pattern.compile("(/\\S+)").matcher(out);
            while (m.find()) {
                libs.add(Path.of(m.group(1)));
            }
            return new ArrayList<>(libs);
        } catch (IOException e) {
            throw new UncheckedIOException("could not run ldd on " + binary, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
