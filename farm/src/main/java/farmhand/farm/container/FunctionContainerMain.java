package farmhand.farm.container;

import farmhand.farm.queue.RedisEndpoint;
import farmhand.farm.runtime.FunctionEnvironment;
import farmhand.farm.runtime.FunctionRunner;
import farmhand.farm.runtime.NameClaim;
import java.io.IOException;
import java.util.Map;

/**
 * The function image's entry point: reads the function's environment ({@link FunctionEnvironment}),
 * serves OpenFaaS's contract ({@link FunctionServer}) on {@code PORT} (default 8080), runs the
 * function's loop on the first invocation, or at once when {@code FARM_AUTOSTART=true}, and exits
 * when the loop has ended: 0 when it ended normally, 1 when it failed, 2 when the environment is wrong. With
 * {@code FARM_CLAIM_NAME=true} and no {@code FARM_NAME} (a replica of a shared OpenFaaS function) the loop first
 * claims its name on the farm's Redis ({@link NameClaim}).
 */
public final class FunctionContainerMain {

    /** The variable naming the port (OpenFaaS's watchdog forwards to it). */
    public static final String PORT = "PORT";
    /** Set to {@code true} to start the loop without waiting for an invocation. */
    public static final String AUTOSTART = "FARM_AUTOSTART";

    private FunctionContainerMain() {
    }

    public static void main(String[] args) {
        Map<String, String> vars = System.getenv();
        boolean claims = NameClaim.wanted(vars);
        FunctionEnvironment env;
        int port;
        try {
            env = claims ? NameClaim.unnamed(vars) : FunctionEnvironment.fromEnv(vars);
            port = port(vars);
        } catch (IllegalArgumentException e) {
            System.err.println("farm function: " + e.getMessage());
            System.exit(2);
            return;
        }
        FunctionServer server;
        try {
            server = FunctionServer.start(port, () -> {
                try {
                    // a replica of a shared function takes its name once it serves (so it counts as available)
                    FunctionRunner.run(claims ? NameClaim.await(vars) : env);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted");
                }
            });
        } catch (IOException e) {
            System.err.println("farm function: cannot serve on port " + port + ": " + e.getMessage());
            System.exit(1);
            return;
        }
        if (Boolean.parseBoolean(vars.getOrDefault(AUTOSTART, "false"))) {
            server.startOrJoin();
        }
        int status = awaitEnd(server, claims ? "(claiming its name)" : env.function().name());
        // let the invocations that joined the loop read their answer before the process goes
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.close();
        System.exit(status);
    }

    private static int awaitEnd(FunctionServer server, String name) {
        try {
            server.ended().join();
            return 0;
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            System.err.println("farm function " + name + " failed: "
                    + RedisEndpoint.redact(String.valueOf(cause.getMessage())));
            return 1;
        }
    }

    private static int port(Map<String, String> vars) {
        String v = vars.getOrDefault(PORT, "8080");
        try {
            int p = Integer.parseInt(v.trim());
            if (p < 1 || p > 65535) {
                throw new NumberFormatException();
            }
            return p;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(PORT + " must be a port number (1-65535), was '" + v + "'");
        }
    }
}
