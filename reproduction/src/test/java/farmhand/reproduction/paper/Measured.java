package farmhand.reproduction.paper;

import io.qameta.allure.Allure;

/**
 * Puts what a paper-level test measured into the Allure report beside the test (a text attachment),
 * before the test asserts, so a failed bar shows its numbers there as well as in the message.
 */
final class Measured {

    private Measured() {
    }

    /** Attaches {@code text} to the running test under {@code name}. */
    static void report(String name, String text) {
        Allure.addAttachment(name, "text/plain", text, ".txt");
    }
}
