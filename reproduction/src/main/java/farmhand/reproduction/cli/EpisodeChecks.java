package farmhand.reproduction.cli;

import farmhand.controllers.eval.EpisodeMetrics;
import farmhand.controllers.eval.Evaluation;
import java.io.PrintStream;

/**
 * After an evaluation: prints each episode's account (where every task went) and what disturbed it, and
 * turns an account that does not balance, or a disturbed episode, into a non-zero exit code: numbers that
 * measure a fault are not reported as a policy's result with exit code 0.
 */
final class EpisodeChecks {

    /** Exit code of a run whose episodes were disturbed or whose account does not balance. */
    static final int UNTRUSTWORTHY = 3;

    private EpisodeChecks() {
    }

    /**
     * @param allowDisturbed true to exit 0 despite disturbed episodes (they are still marked)
     * @return the exit code: 0, or {@link #UNTRUSTWORTHY}
     */
    static int report(Evaluation evaluation, boolean allowDisturbed, PrintStream out, PrintStream err) {
        int unbalanced = 0;
        int disturbed = 0;
        boolean header = false;
        for (EpisodeMetrics m : evaluation.episodes()) {
            var h = m.health();
            boolean eventful = m.account() != null || m.disturbed() != null || h != null && (h.redisOutages() > 0
                    || h.crashes() > 0 || h.hung() > 0);
            if (!eventful) {
                continue;
            }
            if (!header) {
                out.println("episode accounts:");
                header = true;
            }
            StringBuilder line = new StringBuilder("  seed " + m.seed() + ": ");
            line.append(m.account() == null ? "no account kept" : m.account().describe());
            if (h != null && (h.redisOutages() > 0 || h.crashes() > 0 || h.hung() > 0 || h.foreignOutputs() > 0)) {
                line.append(String.format(java.util.Locale.ROOT, "; Redis retries %d (outages %d, longest %.1f model s), "
                        + "functions replaced %d dead + %d hung, foreign outputs %d", h.redisFailedAttempts(),
                        h.redisOutages(), h.longestOutageModelSeconds(), h.crashes(), h.hung(), h.foreignOutputs()));
            }
            if (m.disturbed() != null) {
                line.append("; DISTURBED: ").append(m.disturbed());
                disturbed++;
            }
            if (m.account() != null && !m.account().balances()) {
                unbalanced++;
            }
            out.println(line);
        }
        int code = 0;
        if (unbalanced > 0) {
            err.println("farmhand: the account of " + unbalanced + " episode(s) does not balance (see above): tasks "
                    + "were lost or counted twice, so these results are not a measurement of the policy");
            code = UNTRUSTWORTHY;
        }
        if (disturbed > 0) {
            if (allowDisturbed) {
                err.println("farmhand: " + disturbed + " episode(s) were disturbed (marked in the JSON); "
                        + "--allow-disturbed keeps the exit code 0");
            } else {
                err.println("farmhand: " + disturbed + " episode(s) were disturbed (see above): their numbers measure "
                        + "the fault, not the policy; pass --allow-disturbed to accept them");
                code = UNTRUSTWORTHY;
            }
        }
        return code;
    }
}
