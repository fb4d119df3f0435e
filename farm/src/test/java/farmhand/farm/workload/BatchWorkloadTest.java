package farmhand.farm.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BatchWorkloadTest {

    @Test
    void aBatchHasEqualTasksArrivingInOrderWithinItsWindow() {
        Workload batch = BatchWorkload.of(1000, 2.04, 30, 42);
        assertEquals(1000, batch.size());
        double previous = 0;
        for (Task t : batch.tasks()) {
            assertEquals(2.04, t.serviceSeconds());
            assertTrue(t.generationSeconds() >= previous && t.generationSeconds() < 30);
            previous = t.generationSeconds();
            assertTrue(t.deadlineSeconds() > 30 + 1000 * 2.04, "a batch deadline never binds");
        }
        // uniform arrivals: about half in the first half of the window
        long early = batch.tasks().stream().filter(t -> t.generationSeconds() < 15).count();
        assertTrue(early > 430 && early < 570, "tasks in the first 15 s: " + early);
        assertEquals(30, batch.generationEndSeconds());
    }

    @Test
    void theSameSeedGivesTheSameBatch() {
        assertEquals(BatchWorkload.of(100, 2.04, 100, 5), BatchWorkload.of(100, 2.04, 100, 5));
        assertTrue(!BatchWorkload.of(100, 2.04, 100, 5).equals(BatchWorkload.of(100, 2.04, 100, 6)));
    }

    @Test
    void impossibleBatchesAreRefusedByName() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BatchWorkload.of(0, 2.04, 30, 1))
                .getMessage().contains("tasks"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BatchWorkload.of(10, 0, 30, 1))
                .getMessage().contains("serviceSeconds"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> BatchWorkload.of(10, 2.04, -3, 1))
                .getMessage().contains("windowSeconds"));
    }
}
