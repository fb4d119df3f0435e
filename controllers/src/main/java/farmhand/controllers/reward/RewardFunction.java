package farmhand.controllers.reward;

/**
 * The shaped reward of Eq. 4 (SPEC section 4). Stateless and thread-safe.
 *
 * <pre>
 *  r =  w_qos (q - q*) - w_backlog max(0, rho - 1)^2
 *     - w_eff max(0, N - N*)        if Q &lt;= Q_idle and q &gt;= q*
 *     - w_scale |d|
 *     + w_up |d|                    if d &gt; 0 and (rho &gt; 1 or q &lt; q*)
 *     + w_down |d|                  if d &lt; 0 and not (rho &gt; 1 or q &lt; q*)
 *     + 0.1 w_qos                   if q &gt;= q* and rho &lt;= 0.5
 * </pre>
 * with Q the worker-queue length, q the step QoS, rho = Q / Q*, N the workers after the action
 * and d the applied delta.
 */
public final class RewardFunction {

    private final RewardConfig config;

    public RewardFunction(RewardConfig config) {
        this.config = java.util.Objects.requireNonNull(config, "config");
    }

    public RewardConfig config() {
        return config;
    }

    /**
     * The per-step reward.
     *
     * @param workerQueue Q, tasks waiting
     * @param stepQos q, in [0, 1]
     * @param workers N after the action
     * @param appliedDelta d
     */
    public double step(double workerQueue, double stepQos, double workers, int appliedDelta) {
        RewardConfig c = config;
        double rho = workerQueue / c.backlogTarget();
        boolean pressure = rho > 1 || stepQos < c.qosTarget();
        double abs = Math.abs(appliedDelta);
        double r = c.qosWeight() * (stepQos - c.qosTarget());
        double over = Math.max(0, rho - 1);
        r -= c.backlogWeight() * over * over;
        if (workerQueue <= c.idleQueue() && stepQos >= c.qosTarget()) {
            r -= c.efficiencyWeight() * Math.max(0, workers - c.targetWorkers());
        }
        r -= c.scaleWeight() * abs;
        if (appliedDelta > 0 && pressure) {
            r += c.upWeight() * abs;
        }
        if (appliedDelta < 0 && !pressure) {
            r += c.downWeight() * abs;
        }
        if (stepQos >= c.qosTarget() && rho <= 0.5) {
            r += 0.1 * c.qosWeight();
        }
        return r;
    }

    /**
     * The terminal term: a bonus when the episode completed, a penalty per pending task (capped at
     * Q*) when it was cut at the step limit, 0 otherwise.
     */
    public double terminal(boolean terminated, boolean truncated, int pendingTasks) {
        if (terminated) {
            return config.completionBonus();
        }
        if (truncated) {
            return -config.unfinishedPenalty() * Math.min(pendingTasks, config.backlogTarget());
        }
        return 0.0;
    }
}
