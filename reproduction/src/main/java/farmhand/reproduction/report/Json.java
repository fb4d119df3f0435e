package farmhand.reproduction.report;

import java.nio.file.Path;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Writes report objects as indented JSON files. Thread-safe. */
public final class Json {

    /** The mapper every report uses. */
    public static final JsonMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {
    }

    /** Writes {@code value} to {@code file}, creating parent folders. */
    public static void write(Path file, Object value) {
        TextFile.write(file, MAPPER.writeValueAsString(value));
    }
}
