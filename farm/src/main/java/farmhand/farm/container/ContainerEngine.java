package farmhand.farm.container;

import com.github.dockerjava.api.DockerClient;
import java.util.Optional;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * The Docker engine that Testcontainers finds ({@code DOCKER_HOST}, its own configuration, or the
 * default socket): whether one answers, why not, and its client. Asked once per JVM.
 */
public final class ContainerEngine {

    private static Optional<String> unavailable;
    private static DockerClient client;

    private ContainerEngine() {
    }

    /** Empty when an engine answers; otherwise why none can be used (for the skip message or error). */
    public static synchronized Optional<String> unavailableReason() {
        if (unavailable == null) {
            unavailable = probe();
        }
        return unavailable;
    }

    /** True when an engine answers. */
    public static boolean available() {
        return unavailableReason().isEmpty();
    }

    /**
     * The engine's client (docker-java, on the transport Testcontainers found); fails naming the reason
     * when there is no engine. Unlike {@link DockerClientFactory#client()} it starts no Ryuk container
     * (whose image cannot be pulled where there is no registry): the farm removes its own containers.
     */
    public static synchronized DockerClient client() {
        unavailableReason().ifPresent(reason -> {
            throw new IllegalStateException("no Docker engine: " + reason);
        });
        return client;
    }

    /** True if the engine holds an image with this tag (nothing is pulled). */
    public static boolean hasImage(String tag) {
        try {
            client().inspectImageCmd(tag).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }

    private static Optional<String> probe() {
        // not DockerClientFactory.isDockerAvailable(): it initialises the factory's client, which starts Ryuk
        try {
            DockerClient c = DockerClientProviderStrategy.getClientForConfig(
                    DockerClientFactory.instance().getTransportConfig());
            c.pingCmd().exec();
            client = c;
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of("Testcontainers found no Docker engine (DOCKER_HOST="
                    + Optional.ofNullable(System.getenv("DOCKER_HOST")).orElse("unset")
                    + "; start one with ci/docker-engine.sh start)");
        } catch (RuntimeException e) {
            return Optional.of("the Docker engine did not answer: " + e.getMessage());
        }
    }
}
