package farmhand.farm.testing;

import farmhand.farm.container.ContainerEngine;
import org.junit.jupiter.api.Assumptions;

/** Guards for tests whose point is a container: they run wherever a Docker engine answers. */
public final class ContainerTests {

    private ContainerTests() {
    }

    /**
     * Returns when an engine answers; otherwise prints why none could be used and aborts the test
     * (reported as skipped with that reason, never silently).
     */
    public static void assumeEngine() {
        ContainerEngine.unavailableReason().ifPresent(reason -> {
            System.out.println("SKIPPED (no Docker engine): " + reason);
            Assumptions.abort("no Docker engine: " + reason);
        });
    }
}
