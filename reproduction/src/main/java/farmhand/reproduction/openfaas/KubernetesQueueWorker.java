package farmhand.reproduction.openfaas;

import farmhand.farm.platform.openfaas.QueueWorker;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;

/**
 * OpenFaaS's queue-worker Deployment ({@link QueueWorker}) scaled through the Kubernetes API (fabric8
 * kubernetes-client), as the paper did. Not needed when the chart's {@code queueWorker.replicas} is set
 * statically to N_max + 2 ({@code deploy/openfaas-values.yaml}).
 */
public final class KubernetesQueueWorker implements QueueWorker {

    /** The chart's namespace and Deployment name of the queue-worker. */
    public static final String NAMESPACE = "openfaas";
    public static final String DEPLOYMENT = "queue-worker";

    private final KubernetesClient client;
    private final boolean owned;
    private final String namespace;
    private final String name;

    /**
     * @param client the Kubernetes client (not closed here)
     * @param namespace the queue-worker's namespace ({@code openfaas})
     * @param name its Deployment ({@code queue-worker})
     */
    public KubernetesQueueWorker(KubernetesClient client, String namespace, String name) {
        this(client, false, namespace, name);
    }

    private KubernetesQueueWorker(KubernetesClient client, boolean owned, String namespace, String name) {
        this.client = client;
        this.owned = owned;
        this.namespace = namespace;
        this.name = name;
    }

    /** A scaler on the cluster of the default kubeconfig (or the in-cluster service account). */
    public static KubernetesQueueWorker fromKubeconfig() {
        return new KubernetesQueueWorker(new KubernetesClientBuilder().build(), true, NAMESPACE, DEPLOYMENT);
    }

    /** The Deployment's desired replicas. @throws IllegalStateException naming it when it is missing */
    public int replicas() {
        Deployment d = deployment();
        Integer r = d.getSpec() == null ? null : d.getSpec().getReplicas();
        return r == null ? 1 : r;
    }

    /**
     * Sets the Deployment's replicas to {@code replicas} (at least 1).
     *
     * @throws IllegalStateException naming the Deployment when it is missing or the API refuses
     */
    @Override
    public void scaleTo(int replicas) {
        int want = Math.max(1, replicas);
        deployment();
        try {
            client.apps().deployments().inNamespace(namespace).withName(name).scale(want);
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("cannot scale Deployment " + namespace + "/" + name + " to " + want
                    + " replicas (" + e.getCode() + "): check the kubeconfig's rights (deployments/scale)");
        }
    }

    private Deployment deployment() {
        Deployment d;
        try {
            d = client.apps().deployments().inNamespace(namespace).withName(name).get();
        } catch (KubernetesClientException e) {
            throw new IllegalStateException("cannot read Deployment " + namespace + "/" + name + " ("
                    + e.getCode() + "): check the kubeconfig and that OpenFaaS is installed");
        }
        if (d == null) {
            throw new IllegalStateException("no Deployment " + namespace + "/" + name
                    + ": is OpenFaaS installed with async (the chart's queueWorker) in namespace " + namespace + "?");
        }
        return d;
    }

    @Override
    public void close() {
        if (owned) {
            client.close();
        }
    }
}
