package farmhand.farm.platform;

import farmhand.farm.function.FarmFunction;
import java.util.Set;

/**
 * Where the farm's functions run: deploys, invokes asynchronously and removes them. The local,
 * in-process platform is the default; an OpenFaaS gateway client implements the same seam.
 */
public interface Platform extends AutoCloseable {

    /** Deploys {@code function} (blocking until the platform reports it ready). */
    void deploy(FarmFunction function);

    /** Invokes a deployed function asynchronously; it runs until it exits by itself or is removed. */
    void invoke(String name);

    /** Removes a function, stopping it if it still runs; blocks until it is gone. */
    void remove(String name);

    /** Names of the deployed functions. */
    Set<String> deployed();

    /** True if {@code name} was invoked and its body has returned or failed (it exited or died). */
    boolean exited(String name);

    /** Removes every function. */
    @Override
    void close();
}
