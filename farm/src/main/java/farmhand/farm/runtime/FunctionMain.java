package farmhand.farm.runtime;

/**
 * Runs one farm function in this process, configured by environment variables
 * ({@link FunctionEnvironment#fromEnv}): how a function runs as a child process or in a container.
 * Exits 0 when the function ends normally, 2 when the environment is wrong, 1 when it fails; the error is
 * one line on standard error, never a stack trace, never a password.
 */
public final class FunctionMain {

    private FunctionMain() {
    }

    public static void main(String[] args) {
        FunctionEnvironment env;
        try {
            env = FunctionEnvironment.fromEnv(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("farm function: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            FunctionRunner.run(env);
            System.exit(0);
        } catch (InterruptedException e) {
            System.exit(1);
        } catch (RuntimeException e) {
            System.err.println("farm function " + env.function().name() + " failed: "
                    + farmhand.farm.queue.RedisEndpoint.redact(e.getMessage()));
            System.exit(1);
        }
    }
}
