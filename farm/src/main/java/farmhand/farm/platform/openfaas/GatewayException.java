package farmhand.farm.platform.openfaas;

/**
 * The OpenFaaS gateway refused a request or could not be reached. The message names the gateway (redacted),
 * the function and what to check, on one line; it never holds a password.
 */
public final class GatewayException extends IllegalStateException {

    private final int status;

    /**
     * @param status the HTTP status, or 0 when the gateway did not answer
     * @param message one line for the user
     */
    public GatewayException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status, or 0 when the gateway did not answer. */
    public int status() {
        return status;
    }
}
