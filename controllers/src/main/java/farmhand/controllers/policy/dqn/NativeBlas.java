package farmhand.controllers.policy.dqn;

import java.util.function.Supplier;

/**
 * Turns a missing native BLAS (which Smile's matrices need) into one clear message instead of a
 * linkage stack trace.
 */
final class NativeBlas {

    /** What to tell the user. */
    static final String MESSAGE = "the Double DQN agent needs the OpenBLAS native library, which was not found: "
            + "install it (Debian/Ubuntu: apt-get install libopenblas-dev) and run again";

    private NativeBlas() {
    }

    /** Loads Smile's BLAS binding now, so a missing library is reported before any work starts. */
    static void check() {
        require(() -> {
            try {
                return Class.forName("smile.linalg.blas.cblas_h", true, NativeBlas.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new NoClassDefFoundError(e.getMessage());
            }
        });
    }

    /** Runs {@code action}, rethrowing a native-library failure as an {@link IllegalStateException} with {@link #MESSAGE}. */
    static <T> T require(Supplier<T> action) {
        try {
            return action.get();
        } catch (UnsatisfiedLinkError | ExceptionInInitializerError | NoClassDefFoundError e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IllegalStateException(MESSAGE + " (" + cause.getMessage() + ")", e);
        }
    }
}
