package farmhand.farm.platform.openfaas;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * The OpenFaaS gateway's JSON types the client uses, as records. Field names and {@code omitempty} rules
 * were checked against faas-provider {@code types/model.go} ({@code FunctionDeployment}, {@code
 * FunctionStatus}) and {@code types/requests.go} ({@code ScaleServiceRequest}), and faas-netes {@code
 * pkg/handlers/delete.go} ({@code DeleteFunctionRequest}).
 */
public final class GatewayTypes {

    private GatewayTypes() {
    }

    /**
     * A request to create or update a function ({@code POST}/{@code PUT /system/functions}).
     *
     * @param service the function's name
     * @param image a fully-qualified, anonymously pullable image (CE checks this)
     * @param namespace the functions' namespace, or null for the gateway's default
     * @param envVars environment variables of the function
     * @param secrets names of secrets mounted at {@code /var/openfaas/secrets/<name>}
     * @param labels labels (e.g. {@code com.openfaas.scale.min})
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record FunctionDeployment(String service, String image, String namespace, Map<String, String> envVars,
                                     List<String> secrets, Map<String, String> labels) {
    }

    /**
     * A function as the gateway reports it ({@code GET /system/functions}, {@code GET /system/function/{name}}).
     * {@code replicas} and {@code availableReplicas} are {@code omitempty} in Go, so a function with none
     * has no such field: it reads as 0 here.
     *
     * @param name the function's name
     * @param image its image
     * @param namespace its namespace, or null
     * @param replicas desired replicas (0 when omitted)
     * @param availableReplicas replicas ready to receive invocations (0 when omitted)
     * @param invocationCount invocations so far (0 when omitted)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record FunctionStatus(String name, String image, String namespace, long replicas, long availableReplicas,
                                 double invocationCount) {
    }

    /**
     * A request to scale a function ({@code POST /system/scale-function/{name}}).
     *
     * @param serviceName the function
     * @param namespace its namespace, or null
     * @param replicas desired replicas; CE refuses 0 and clamps to its maximum
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ScaleServiceRequest(String serviceName, String namespace, long replicas) {
    }

    /**
     * A request to delete a function ({@code DELETE /system/functions}).
     *
     * @param functionName the function
     */
    public record DeleteFunctionRequest(String functionName) {
    }
}
