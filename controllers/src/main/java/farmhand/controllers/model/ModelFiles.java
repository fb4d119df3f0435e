package farmhand.controllers.model;

import java.nio.file.Files;
import java.nio.file.Path;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Reads a model file's JSON, checking its format name and version before anything else. */
final class ModelFiles {

    private ModelFiles() {
    }

    /** The content of {@code file} as {@code type}, once its {@code format} and {@code version} match. */
    static <T> T read(Path file, Class<T> type, String format, int version) {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException("model file " + file + " does not exist");
        }
        JsonNode tree;
        try {
            tree = SarsaModelFile.MAPPER.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ModelFileException("model file " + file + " is not valid JSON: " + e.getOriginalMessage(), e);
        }
        String found = tree.path("format").asString("(none)");
        if (!format.equals(found)) {
            throw new ModelFileException("model file " + file + " has format '" + found + "', expected '" + format
                    + "' (is it a model of another policy?)");
        }
        int foundVersion = tree.path("version").asInt(-1);
        if (foundVersion != version) {
            throw new ModelFileException("model file " + file + " has version " + foundVersion
                    + ", this farmhand reads " + version);
        }
        try {
            return SarsaModelFile.MAPPER.treeToValue(tree, type);
        } catch (JacksonException e) {
            throw new ModelFileException("model file " + file + " is corrupt: " + e.getOriginalMessage(), e);
        }
    }
}
