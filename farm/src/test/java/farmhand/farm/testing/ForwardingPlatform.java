package farmhand.farm.testing;

import farmhand.farm.platform.Platform;
import farmhand.farm.runtime.FunctionEnvironment;
import java.time.Duration;
import java.util.Set;

/**
 * A platform test double that forwards every call to a real platform; a test overrides only the behaviour
 * it changes (a slower boot, a platform that never reports exits).
 *
 * @param <P> the platform forwarded to
 */
public abstract class ForwardingPlatform<P extends Platform> implements Platform {

    /** The platform every call goes to unless overridden. */
    protected final P delegate;

    protected ForwardingPlatform(P delegate) {
        this.delegate = delegate;
    }

    @Override public String name() {
        return delegate.name();
    }

    @Override public void beginEpisode(long seed) {
        delegate.beginEpisode(seed);
    }

    @Override public void deploy(FunctionEnvironment function, boolean initial) {
        delegate.deploy(function, initial);
    }

    @Override public void retire(String name, long requestedNanos) {
        delegate.retire(name, requestedNanos);
    }

    @Override public void remove(String name) {
        delegate.remove(name);
    }

    @Override public void kill(String name) {
        delegate.kill(name);
    }

    @Override public Set<String> deployed() {
        return delegate.deployed();
    }

    @Override public boolean exited(String name) {
        return delegate.exited(name);
    }

    @Override public Duration startAllowance() {
        return delegate.startAllowance();
    }

    @Override public Duration startAllowance(int initialFunctions) {
        return delegate.startAllowance(initialFunctions);
    }

    @Override public void close() {
        delegate.close();
    }
}
