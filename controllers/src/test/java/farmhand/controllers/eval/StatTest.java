package farmhand.controllers.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatTest {

    @Test
    void standardDeviationIsThePopulationOne() {
        Stat s = Stat.of(1, 2, 3, 4);
        assertEquals(2.5, s.mean(), 1e-12);
        assertEquals(Math.sqrt(1.25), s.std(), 1e-12); // sample std would be 1.29
    }

    @Test
    void oneValueHasNoSpreadAndNoValuesHaveNoStatistic() {
        assertEquals(new Stat(7, 0), Stat.of(7));
        assertTrue(Double.isNaN(Stat.of().mean()));
    }
}
