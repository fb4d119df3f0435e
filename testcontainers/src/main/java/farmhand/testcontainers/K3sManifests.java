package farmhand.testcontainers;

import java.util.Objects;

/**
 * The manifests the k3s fixture hands to k3s: the registry mirror ({@code registries.yaml}),
 * OpenFaaS through k3s's built-in Helm controller (a {@code HelmChart} resource, applied from the
 * server's auto-deploy folder), and Redis. Services the tests reach are NodePorts, because a
 * {@code K3sContainer} publishes only the API ports unless more are exposed.
 *
 * @param chartRepository URL of the OpenFaaS chart repository (given by the caller, never hard-coded)
 * @param chartVersion the {@code openfaas} chart's version
 * @param registryAlias the network alias of the {@code registry:2} container
 */
public record K3sManifests(String chartRepository, String chartVersion, String registryAlias) {

    /** NodePort of the OpenFaaS gateway (the chart's default with {@code exposeServices}). */
    public static final int GATEWAY_NODE_PORT = 31112;
    /** NodePort of Redis. */
    public static final int REDIS_NODE_PORT = 30379;
    /** Port of the registry container on the shared network. */
    public static final int REGISTRY_PORT = 5000;

    public K3sManifests {
        Objects.requireNonNull(chartRepository, "chartRepository");
        Objects.requireNonNull(chartVersion, "chartVersion");
        Objects.requireNonNull(registryAlias, "registryAlias");
        if (chartRepository.isBlank() || chartVersion.isBlank() || registryAlias.isBlank()) {
            throw new IllegalArgumentException("chart repository, chart version and registry alias must not be blank");
        }
    }

    /** The registry that pushed images are pulled from, as k3s's containerd sees it. */
    public String registryEndpoint() {
        return registryAlias + ":" + REGISTRY_PORT;
    }

    /**
     * {@code /etc/rancher/k3s/registries.yaml}: the registry container as a plain-HTTP mirror of
     * itself, so OpenFaaS (which always pulls, and checks the image is anonymously pullable) can
     * pull the function image pushed there.
     */
    public String registries() {
        return """
                mirrors:
                  "%1$s":
                    endpoint:
                      - "http://%1$s"
                """.formatted(registryEndpoint());
    }

    /** The {@code openfaas} chart through k3s's Helm controller: gateway on a NodePort, no auth. */
    public String openFaasHelmChart() {
        return """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: openfaas-fn
                ---
                apiVersion: helm.cattle.io/v1
                kind: HelmChart
                metadata:
                  name: openfaas
                  namespace: kube-system
                spec:
                  repo: "%s"
                  chart: openfaas
                  version: "%s"
                  targetNamespace: openfaas
                  createNamespace: true
                  valuesContent: |-
                    functionNamespace: openfaas-fn
                    generateBasicAuth: false
                    basic_auth: false
                    exposeServices: true
                    serviceType: NodePort
                    gateway:
                      nodePort: %d
                """.formatted(chartRepository, chartVersion, GATEWAY_NODE_PORT);
    }

    /** Redis for the farm's queues, one replica, reachable on a NodePort. */
    public String redis() {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: redis
                  namespace: default
                spec:
                  replicas: 1
                  selector:
                    matchLabels: {app: redis}
                  template:
                    metadata:
                      labels: {app: redis}
                    spec:
                      containers:
                        - name: redis
                          image: redis:7
                          ports:
                            - containerPort: 6379
                ---
                apiVersion: v1
                kind: Service
                metadata:
                  name: redis
                  namespace: default
                spec:
                  type: NodePort
                  selector: {app: redis}
                  ports:
                    - port: 6379
                      targetPort: 6379
                      nodePort: %d
                """.formatted(REDIS_NODE_PORT);
    }
}
