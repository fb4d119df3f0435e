package farmhand.reproduction.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes report text (Markdown, CSV) to files, creating parent folders. Stateless. */
public final class TextFile {

    private TextFile() {
    }

    /** Writes {@code text} to {@code file} (UTF-8), replacing it; returns {@code file}. */
    public static Path write(Path file, String text) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
