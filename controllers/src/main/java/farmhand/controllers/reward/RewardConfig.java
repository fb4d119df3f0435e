package farmhand.controllers.reward;

/**
 * Weights and thresholds of the shaped reward, Eq. 4 (SPEC section 4). Every weight is
 * configurable; rewards of runs with different weights are not comparable.
 *
 * @param qosTarget q*, target step QoS in [0, 1] (default 0.95)
 * @param qosWeight w_qos, {@code >= 0} (default 36)
 * @param backlogTarget Q*, healthy worker-queue length, {@code > 0} (default 30)
 * @param backlogWeight w_backlog, {@code >= 0} (default 2.5)
 * @param scaleWeight w_scale, per worker changed, {@code >= 0} (default 0.08)
 * @param efficiencyWeight w_eff, per worker above N*, {@code >= 0} (default 0.05)
 * @param idleQueue Q_idle, queue length under which extra workers are penalised, {@code >= 0} (default 8)
 * @param targetWorkers N*, {@code >= 1} (default 14)
 * @param upWeight w_up, bonus per justified added worker, {@code >= 0} (default 5.5)
 * @param downWeight w_down, bonus per safe removed worker, {@code >= 0} (default 0.1)
 * @param unfinishedPenalty per pending task (at most Q*) when cut at max steps, {@code >= 0} (default 2.0)
 * @param completionBonus on completing the episode, {@code >= 0} (default 8.0)
 */
public record RewardConfig(double qosTarget, double qosWeight, double backlogTarget, double backlogWeight,
                           double scaleWeight, double efficiencyWeight, double idleQueue, double targetWorkers,
                           double upWeight, double downWeight, double unfinishedPenalty, double completionBonus) {

    /** The default weights (SPEC section 4). */
    public static final RewardConfig DEFAULT =
            new RewardConfig(0.95, 36, 30, 2.5, 0.08, 0.05, 8, 14, 5.5, 0.1, 2.0, 8.0);

    /** The weights the paper's SARSA agent was trained with. */
    public static final RewardConfig PAPER_SARSA =
            new RewardConfig(0.95, 33, 13, 12, 1.1, 1.6, 5, 12, 6.5, 5.5, 2.5, 6.0);

    /**
     * The default weights with a stronger efficiency term (w_eff 0.6 instead of 0.05): what farmhand's
     * SARSA recipe trains with, so that it meets the QoS target with fewer workers.
     */
    public static final RewardConfig LEAN =
            new RewardConfig(0.95, 36, 30, 2.5, 0.08, 0.6, 8, 14, 5.5, 0.1, 2.0, 8.0);

    public RewardConfig {
        if (!(qosTarget >= 0 && qosTarget <= 1)) {
            throw new IllegalArgumentException("qosTarget must be in [0, 1], was " + qosTarget);
        }
        if (!(backlogTarget > 0)) {
            throw new IllegalArgumentException("backlogTarget must be > 0, was " + backlogTarget);
        }
        if (!(targetWorkers >= 1)) {
            throw new IllegalArgumentException("targetWorkers must be >= 1, was " + targetWorkers);
        }
        nonNegative("qosWeight", qosWeight);
        nonNegative("backlogWeight", backlogWeight);
        nonNegative("scaleWeight", scaleWeight);
        nonNegative("efficiencyWeight", efficiencyWeight);
        nonNegative("idleQueue", idleQueue);
        nonNegative("upWeight", upWeight);
        nonNegative("downWeight", downWeight);
        nonNegative("unfinishedPenalty", unfinishedPenalty);
        nonNegative("completionBonus", completionBonus);
    }

    private static void nonNegative(String name, double value) {
        if (!(value >= 0) || !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number >= 0, was " + value);
        }
    }

    /**
     * The preset named {@code name} (see {@link RewardPreset}).
     *
     * @throws IllegalArgumentException naming the accepted presets for any other name
     */
    public static RewardConfig preset(String name) {
        return RewardPreset.of(name).config();
    }
}
