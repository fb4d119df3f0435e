package farmhand.farm.backend;

/**
 * A scaling request that failed for some of its workers: the message is the first failure's (as when one
 * worker failed alone), and {@link #outcome()} says what was really done (e.g. {@code +2} of a {@code +3}
 * whose third deploy failed) and how long the call blocked. The farm counts the workers that did change.
 */
public final class PartialScaleException extends IllegalStateException {

    private final transient ScaleOutcome outcome;

    /**
     * @param outcome the change really made and the model seconds the call blocked
     * @param cause the first failure
     */
    public PartialScaleException(ScaleOutcome outcome, RuntimeException cause) {
        super(cause.getMessage(), cause);
        this.outcome = outcome;
    }

    /** The change really made and the model seconds the call blocked. */
    public ScaleOutcome outcome() {
        return outcome;
    }
}
