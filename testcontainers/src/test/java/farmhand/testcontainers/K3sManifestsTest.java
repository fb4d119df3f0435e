package farmhand.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** The manifests the k3s fixture applies, rendered and parsed here (no Docker needed). */
class K3sManifestsTest {

    private final K3sManifests manifests = new K3sManifests("https://charts.example.test/openfaas", "14.2.103", "registry");
    private final YAMLMapper yaml = new YAMLMapper();

    private List<JsonNode> documents(String text) throws Exception {
        return yaml.readValues(yaml.createParser(text), JsonNode.class).readAll();
    }

    @Test
    void registriesMirrorTheRegistryContainerOverPlainHttp() throws Exception {
        JsonNode root = yaml.readTree(manifests.registries());
        assertEquals("http://registry:5000", root.path("mirrors").path("registry:5000").path("endpoint").get(0).asString());
    }

    @Test
    void theHelmChartNamesTheChartVersionAndPublishesTheGatewayOnItsNodePort() throws Exception {
        List<JsonNode> docs = documents(manifests.openFaasHelmChart());
        assertEquals(2, docs.size());
        JsonNode chart = docs.get(1);
        assertEquals("HelmChart", chart.path("kind").asString());
        assertEquals("14.2.103", chart.path("spec").path("version").asString());
        assertEquals("https://charts.example.test/openfaas", chart.path("spec").path("repo").asString());
        JsonNode values = yaml.readTree(chart.path("spec").path("valuesContent").asString());
        assertEquals(K3sManifests.GATEWAY_NODE_PORT, values.path("gateway").path("nodePort").asInt());
        assertEquals("NodePort", values.path("serviceType").asString());
    }

    @Test
    void redisIsOneReplicaBehindANodePort() throws Exception {
        List<JsonNode> docs = documents(manifests.redis());
        assertEquals(1, docs.get(0).path("spec").path("replicas").asInt());
        assertEquals(K3sManifests.REDIS_NODE_PORT, docs.get(1).path("spec").path("ports").get(0).path("nodePort").asInt());
    }

    @Test
    void aBlankChartVersionIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new K3sManifests("https://charts.example.test", " ", "registry"));
    }
}
