package farmhand.controllers.policy.industry;

import farmhand.controllers.env.FarmEnvironment;
import farmhand.controllers.eval.EvaluationSummary;
import farmhand.controllers.eval.Evaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How a user would tune KEDA's {@code listLength} for this farm: try a range of values on the
 * simulator over training seeds (never the test seeds 42-241) and keep the one with the fewest mean
 * workers among those whose mean final QoS reaches the target; when none does, the one with the
 * highest QoS. Exhaustive over a short list: one parameter, a handful of values.
 *
 * <p>Measured with {@code sweep(env, [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 5], seeds 1000-1199)} on the paper's
 * workload, measured OpenFaaS latencies, actions as wide as the worker bounds: see
 * {@link KedaRedisListPolicy#TUNED_LIST_LENGTH} and the report of issue 14 for the table.
 */
public final class KedaListLengthSweep {

    /**
     * One value's measurement.
     *
     * @param listLength the value tried
     * @param finalQos mean final QoS (fraction)
     * @param meanWorkers mean workers
     * @param scalingActions mean scaling actions per episode
     */
    public record Point(double listLength, double finalQos, double meanWorkers, double scalingActions) {
    }

    private KedaListLengthSweep() {
    }

    /** Every value of {@code listLengths} on {@code seeds}, in order. */
    public static List<Point> sweep(FarmEnvironment env, List<Double> listLengths, List<Long> seeds) {
        Evaluator evaluator = new Evaluator(env);
        List<Point> points = new ArrayList<>();
        for (double l : listLengths) {
            KedaRedisListPolicy p = KedaRedisListPolicy.withListLength("keda-" + l, env.config(), l);
            EvaluationSummary s = evaluator.evaluate(p, seeds).summary();
            points.add(new Point(l, s.finalQos().mean(), s.meanWorkers().mean(), s.scalingActions().mean()));
        }
        return points;
    }

    /** The value a user would pick: fewest workers reaching {@code qosTarget}, else the highest QoS. */
    public static Point pick(List<Point> points, double qosTarget) {
        Optional<Point> reaching = points.stream().filter(p -> p.finalQos() >= qosTarget)
                .min(Comparator.comparingDouble(Point::meanWorkers));
        return reaching.orElseGet(() -> points.stream().max(Comparator.comparingDouble(Point::finalQos)).orElseThrow());
    }
}
