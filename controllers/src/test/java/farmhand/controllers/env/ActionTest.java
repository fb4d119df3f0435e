package farmhand.controllers.env;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ActionTest {

    @Test
    void theBestActionIsTheHighestValueWithTiesToTheHighestIndex() {
        assertEquals(1, Action.best(new double[] {0.1, 0.9, 0.2}, 0));
        assertEquals(2, Action.best(new double[] {0.5, 0.5, 0.5}, 0));
        assertEquals(1, Action.best(new double[] {9, 9, 9, 0.3, 0.7, 0.7 - 1e-9}, 3), "from the offset on");
    }
}
