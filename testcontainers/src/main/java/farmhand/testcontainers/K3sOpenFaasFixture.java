package farmhand.testcontainers;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * k3s with OpenFaaS and Redis in containers: a {@code registry:2} container and a
 * {@link K3sContainer} on one network, k3s mirroring the registry ({@link K3sManifests#registries()}),
 * the {@code openfaas} chart and Redis applied through k3s's auto-deploy folder, the gateway and
 * Redis published as NodePorts. Pushing the function image (Jib) and deploying the farm belong to
 * the Docker and OpenFaaS platforms (issues 10 and 11) and are not in this build.
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
