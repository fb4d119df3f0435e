package farmhand.controllers.eval;

/**
 * Per-phase means of one episode; a step belongs to the phase its observation's phase indicator names.
 *
 * @param phase 1..4
 * @param steps steps observed in the phase
 * @param meanStepQos mean step QoS (obs8) over those steps, fraction in [0, 1]; NaN without steps
 * @param meanWorkers mean worker count over those steps; NaN without steps
 */
public record PhaseMetrics(int phase, int steps, double meanStepQos, double meanWorkers) {
}
