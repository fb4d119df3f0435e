package farmhand.testcontainers;

import com.github.dockerjava.api.DockerClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * k3s with OpenFaaS and Redis in containers: a {@code registry:2} container and a
 * {@link K3sContainer} on one network, k3s mirroring the registry ({@link K3sManifests#registries()}),
 * the {@code openfaas} chart and Redis applied through k3s's auto-deploy folder, the gateway and
 * Redis published as NodePorts (added to the container's exposed ports, so the host reaches them
 * without a port-forward). {@link #pushFunctionImage} copies the function image from the local engine
 * into the registry, from which k3s pulls it; the farm is then deployed through the project's
 * {@code OpenFaasPlatform} against {@link #gateway()}, its functions reaching Redis at
 * {@link #inClusterRedisUrl()}.
 */
public final class K3sOpenFaasFixture implements AutoCloseable {

    private static final String MANIFESTS = "/var/lib/rancher/k3s/server/manifests/";
    private static final String REGISTRY_ALIAS = "registry";

    private final Network network = Network.newNetwork();
    private final GenericContainer<?> registry;
    private final K3sContainer k3s;
    private final K3sManifests manifests;

    /**
     * @param k3sImage e.g. {@code rancher/k3s:v1.31.4-k3s1}
     * @param chartRepository the OpenFaaS chart repository URL
     * @param chartVersion the {@code openfaas} chart version
     */
    public K3sOpenFaasFixture(String k3sImage, String chartRepository, String chartVersion) {
        manifests = new K3sManifests(chartRepository, chartVersion, REGISTRY_ALIAS);
        registry = new GenericContainer<>(DockerImageName.parse("registry:2"))
                .withNetwork(network).withNetworkAliases(REGISTRY_ALIAS)
                .withExposedPorts(K3sManifests.REGISTRY_PORT);
        k3s = new K3sContainer(DockerImageName.parse(k3sImage).asCompatibleSubstituteFor("rancher/k3s"))
                .withNetwork(network)
                .withCopyToContainer(Transferable.of(manifests.registries()), "/etc/rancher/k3s/registries.yaml");
        k3s.addExposedPorts(K3sManifests.GATEWAY_NODE_PORT, K3sManifests.REDIS_NODE_PORT);
    }

    /** Starts the registry and k3s, applies OpenFaaS and Redis, waits until the gateway answers. */
    public K3sOpenFaasFixture start(Duration gatewayTimeout) {
        registry.start();
        k3s.start();
        k3s.copyFileToContainer(Transferable.of(manifests.openFaasHelmChart()), MANIFESTS + "openfaas.yaml");
        k3s.copyFileToContainer(Transferable.of(manifests.redis()), MANIFESTS + "redis.yaml");
        awaitGateway(gatewayTimeout);
        return this;
    }

    /** The OpenFaaS gateway, from the host. */
    public URI gateway() {
        return URI.create("http://" + k3s.getHost() + ":" + k3s.getMappedPort(K3sManifests.GATEWAY_NODE_PORT));
    }

    /** Redis, from the host. */
    public String redisUrl() {
        return "redis://" + k3s.getHost() + ":" + k3s.getMappedPort(K3sManifests.REDIS_NODE_PORT);
    }

    /** Where to push the function image from the host (the cluster pulls it as {@link K3sManifests#registryEndpoint()}). */
    public String registryFromHost() {
        return registry.getHost() + ":" + registry.getMappedPort(K3sManifests.REGISTRY_PORT);
    }

    /** Redis as the functions in the cluster reach it (the {@code redis} Service in {@code default}). */
    public String inClusterRedisUrl() {
        return "redis://redis.default.svc.cluster.local:6379";
    }

    /**
     * Tags {@code localImage} (present in the engine, e.g. built by {@code jib:dockerBuild}) into the
     * registry container and pushes it there (the engine treats a registry on a loopback address as
     * plain HTTP; elsewhere it must be listed in the engine's {@code insecure-registries}).
     *
     * @return the image as the cluster pulls it ({@link K3sManifests#registryEndpoint()} + repository)
     */
    public String pushFunctionImage(String localImage) {
        String repository = "farmhand/function";
        String tag = "k3s";
        String pushed = registryFromHost() + "/" + repository;
        DockerClient docker = DockerClientFactory.lazyClient();
        docker.tagImageCmd(localImage, pushed, tag).exec();
        try {
            if (!docker.pushImageCmd(pushed).withTag(tag).start().awaitCompletion(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("pushing " + pushed + ":" + tag + " did not finish within 5 minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while pushing " + pushed + ":" + tag, e);
        }
        return manifests.registryEndpoint() + "/" + repository + ":" + tag;
    }

    /** The cluster's kubeconfig (for a Kubernetes client). */
    public String kubeConfigYaml() {
        return k3s.getKubeConfigYaml();
    }

    private void awaitGateway(Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest health = HttpRequest.newBuilder(gateway().resolve("/healthz")).timeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // not up yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the OpenFaaS gateway", e);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the OpenFaaS gateway", e);
            }
        }
        throw new IllegalStateException("the OpenFaaS gateway at " + gateway() + " did not answer /healthz within " + timeout);
    }

    @Override
    public void close() {
        k3s.stop();
        registry.stop();
        network.close();
    }
}
