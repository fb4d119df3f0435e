package farmhand.reproduction.openfaas;

import farmhand.farm.platform.openfaas.GatewayConfig;
import farmhand.farm.platform.openfaas.Layout;
import farmhand.farm.platform.openfaas.OpenFaasPlatform;
import farmhand.farm.platform.openfaas.OpenFaasPlatformConfig;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.farm.queue.QueueNames;
import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.runtime.FunctionSpec;
import farmhand.farm.runtime.WorkerName;
import farmhand.farm.testing.OpenFaasGatewayDouble;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The queue-worker's Deployment scaled through the Kubernetes API, against fabric8's mock server in CRUD mode. */
@EnableKubernetesMockClient(crud = true)
class KubernetesQueueWorkerTest {

    KubernetesClient client;

    private void installQueueWorker() {
        client.apps().deployments().inNamespace("openfaas").resource(new DeploymentBuilder()
                .withNewMetadata().withName("queue-worker").withNamespace("openfaas").endMetadata()
                .withNewSpec().withReplicas(1).endSpec().build()).create();
    }

    @Test
    void scalesTheQueueWorkerDeploymentAndNeverBelowOne() {
        installQueueWorker();
        KubernetesQueueWorker scaler = new KubernetesQueueWorker(client, "openfaas", "queue-worker");
        scaler.scaleTo(6);
        assertEquals(6, scaler.replicas());
        assertEquals(6, client.apps().deployments().inNamespace("openfaas").withName("queue-worker").get()
                .getSpec().getReplicas());
        scaler.scaleTo(0);
        assertEquals(1, scaler.replicas());
    }

    @Test
    void aMissingQueueWorkerIsNamed() {
        KubernetesQueueWorker scaler = new KubernetesQueueWorker(client, "openfaas", "queue-worker");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> scaler.scaleTo(3));
        assertTrue(e.getMessage().contains("no Deployment openfaas/queue-worker"), e.getMessage());
    }

    @Test
    void thePlatformKeepsAQueueWorkerReplicaPerRunningFunction() throws Exception {
        installQueueWorker();
        try (OpenFaasGatewayDouble gw = new OpenFaasGatewayDouble(null, Duration.ZERO);
             OpenFaasPlatform platform = new OpenFaasPlatform(OpenFaasPlatformConfig.of(
                     GatewayConfig.of(gw.url(), null), "example.invalid/farmhand-function:1",
                     Layout.PER_WORKER_FUNCTION).withTimings(Duration.ofSeconds(5), Duration.ofMillis(10),
                     Duration.ZERO), new KubernetesQueueWorker(client, "openfaas", "queue-worker"))) {
            FunctionEnvironment emitter = new FunctionEnvironment(FunctionSpec.emitter(),
                    RedisEndpoint.of("redis://127.0.0.1:1"), new QueueNames("qw:", "r1"));
            platform.deploy(emitter.forFunction(FunctionSpec.collector()), true);
            platform.deploy(emitter.forFunction(FunctionSpec.worker(new WorkerName(1))), true);
            platform.deploy(emitter.forFunction(FunctionSpec.worker(new WorkerName(2))), true);
            platform.deploy(emitter, true);
            KubernetesQueueWorker read = new KubernetesQueueWorker(client, "openfaas", "queue-worker");
            assertEquals(4, read.replicas(), "workers + 2");
            platform.remove("worker-2");
            assertEquals(3, read.replicas());
        }
    }
}
