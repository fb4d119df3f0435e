package farmhand.reproduction.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks the files and folders a command will write before it starts any work, so an unwritable
 * {@code --json}, {@code --out} or {@code --figure} is refused at once, naming the option, instead
 * of failing after the whole run. Missing parent folders are created (the command would create them
 * anyway); writability is proven by creating and deleting a probe file.
 */
final class OutputPaths {

    private OutputPaths() {
    }

    /**
     * Refuses {@code file} (given as {@code option}) unless it can be written as a file; null passes.
     *
     * @throws IllegalArgumentException naming the option and the path
     */
    static void requireWritableFile(Path file, String option) {
        if (file == null) {
            return;
        }
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException(option + " " + file + ": is a folder, expected a file");
        }
        if (Files.exists(file) && !Files.isWritable(file)) {
            throw new IllegalArgumentException(option + " " + file + ": the file exists and is not writable");
        }
        Path parent = file.toAbsolutePath().getParent();
        probe(parent, option + " " + file);
    }

    /**
     * Refuses {@code dir} (given as {@code option}) unless it is, or can be created as, a writable folder.
     *
     * @throws IllegalArgumentException naming the option and the path
     */
    static void requireWritableFolder(Path dir, String option) {
        if (dir == null) {
            return;
        }
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new IllegalArgumentException(option + " " + dir + ": is a file, expected a folder");
        }
        probe(dir.toAbsolutePath(), option + " " + dir);
    }

    private static void probe(Path dir, String what) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".farmhand-write-check", ".tmp"));
        } catch (IOException | SecurityException | UnsupportedOperationException e) {
            throw new IllegalArgumentException(what + ": cannot write there (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")", e);
        }
    }
}
