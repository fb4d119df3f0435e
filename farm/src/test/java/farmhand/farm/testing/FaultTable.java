package farmhand.farm.testing;

import farmhand.farm.backend.EpisodeHealth;
import farmhand.farm.queue.FarmAccount;

/**
 * Prints one row of the fault-injection table (scenario, generated, collected, dead-lettered, redelivered,
 * lost, flagged) to the test output, where {@code grep '^FAULTS |'} finds it for the report.
 */
public final class FaultTable {

    private FaultTable() {
    }

    /** One row; {@code stepSeconds} decides whether the episode counts as disturbed. */
    public static void row(String scenario, FarmAccount a, EpisodeHealth h, double stepSeconds) {
        String flag = h.disturbedReason(stepSeconds);
        System.out.printf("FAULTS | %s | %d | %d | %d (%d messages) | %d | %d | %s%n", scenario, a.generated(),
                a.collected(), a.deadLetteredTasks(), a.deadLetteredMessages(), a.redelivered(), a.lost(),
                flag == null ? "clean" : "disturbed: " + flag);
    }
}
