package farmhand.controllers.model;

/** A model file that cannot be used: missing, corrupt, of another format or version, or of the wrong shape. */
public final class ModelFileException extends RuntimeException {

    public ModelFileException(String message) {
        super(message);
    }

    public ModelFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
