package farmhand.reproduction.paper;

import static org.junit.jupiter.api.Assertions.assertTrue;

import farmhand.controllers.eval.Evaluation;
import farmhand.controllers.eval.Lead;
import farmhand.reproduction.pipeline.Reproduction;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;

/**
 * The "30 points above the better reactive baseline" bar, measured where it means something.
 *
 * <p>ReactiveMaximum's final QoS swings 12-16 points between seeds, so a 10-episode mean moves by
 * ~4 points with the choice of seeds: on seeds 42-51 this simulator gives it 70.8 %, on the paper's
 * own ReactiveMaximum seeds 52-61 67.8 %, over seeds 42-241 63.5 % (the real cluster: 65.6 % and, in
 * an earlier run, 63.4 %). On 42-51 no policy could lead it by 30 points (that would need 100.8 %).
 * The bar is therefore checked over 200 common seeds, paired seed by seed ({@link Lead}).
 */
final class PaperBars {

    /** Seeds 42-241: the Table III seeds and 190 more. */
    static final List<Long> LEAD_SEEDS = LongStream.rangeClosed(42, 241).boxed().toList();

    private PaperBars() {
    }

    /**
     * Asserts that {@code learned} leads the better of ReactiveAverage and ReactiveMaximum by >= 30 points over
     * {@link #LEAD_SEEDS}, measured by {@link Reproduction#lead} as {@code farmhand reproduce} measures it.
     */
    static void assertLeadsTheBetterReactiveBaselineByThirtyPoints(Reproduction reproduction, Reproduction.Entry learned) {
        List<Reproduction.Entry> entries = new ArrayList<>(List.of(learned));
        entries.addAll(reproduction.reactiveBaselines());
        Reproduction.LeadResult result = reproduction.lead(entries, LEAD_SEEDS);
        Evaluation agent = result.rows().getFirst();
        Lead lead = result.leads().getFirst();
        Evaluation baseline = result.rows().stream().filter(e -> e.policy().equals(lead.baseline())).findFirst()
                .orElseThrow();
        Measured.report("lead over " + baseline.policy() + ", seeds 42-241", String.format(
                "%s %.2f %% vs %s %.2f %%: lead %.2f +- %.2f points (95 %% lower bound %.2f; bar >= 30)", agent.policy(),
                100 * agent.summary().finalQos().mean(), baseline.policy(), 100 * baseline.summary().finalQos().mean(),
                lead.meanPoints(), lead.standardErrorPoints(), lead.lowerBoundPoints()));
        assertTrue(lead.meanPoints() >= 30, String.format(
                "%s (%.2f %%) leads %s (%.2f %%) by %.2f +- %.2f points over %d seeds, less than 30", agent.policy(),
                100 * agent.summary().finalQos().mean(), baseline.policy(), 100 * baseline.summary().finalQos().mean(),
                lead.meanPoints(), lead.standardErrorPoints(), lead.episodes()));
    }
}
