package farmhand.reproduction.regression;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * How far each kind of figure may move from its baseline before the gate fails, for one platform
 * (the file's {@code defaults} overridden by its {@code platforms.<name>} section).
 *
 * @param timingRatio a timing fails when now &gt; baseline x this ({@code > 1})
 * @param decisionRatio a decision cost fails when now &gt; baseline x this ({@code > 1})
 * @param speedupRelativeDrop a speedup fails when now &lt; baseline x (1 - this) ({@code 0..1})
 * @param qosPoints a final QoS fails when it drops by more than this many percentage points
 * @param workers mean workers fail when they move by more than this, either way
 */
public record Thresholds(double timingRatio, double decisionRatio, double speedupRelativeDrop, double qosPoints, double workers) {

    private static final Set<String> KEYS = Set.of("timingRatio", "decisionRatio", "speedupRelativeDrop", "qosPoints", "workers");

    public Thresholds {
        if (!(timingRatio > 1) || !Double.isFinite(timingRatio)) {
            throw new IllegalArgumentException("timingRatio must be a finite number > 1, was " + timingRatio);
        }
        if (!(decisionRatio > 1) || !Double.isFinite(decisionRatio)) {
            throw new IllegalArgumentException("decisionRatio must be a finite number > 1, was " + decisionRatio);
        }
        if (!(speedupRelativeDrop >= 0 && speedupRelativeDrop < 1)) {
            throw new IllegalArgumentException("speedupRelativeDrop must be in [0, 1), was " + speedupRelativeDrop);
        }
        if (!(qosPoints >= 0) || !Double.isFinite(qosPoints)) {
            throw new IllegalArgumentException("qosPoints must be a finite number >= 0, was " + qosPoints);
        }
        if (!(workers >= 0) || !Double.isFinite(workers)) {
            throw new IllegalArgumentException("workers must be a finite number >= 0, was " + workers);
        }
    }

    /**
     * Reads the thresholds of {@code platform} from a YAML file.
     *
     * @throws IllegalArgumentException naming the file and the key when it is missing, malformed
     *                                  or a value is out of range
     */
    public static Thresholds load(Path file, String platform) {
        JsonNode root;
        try {
            root = new YAMLMapper().readTree(Files.readString(file));
        } catch (IOException | JacksonException e) {
            throw new IllegalArgumentException("cannot read thresholds " + file + ": " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject() || !root.path("defaults").isObject()) {
            throw new IllegalArgumentException(file + ": needs a 'defaults' section with " + String.join(", ", KEYS));
        }
        for (String top : root.propertyNames()) {
            if (!top.equals("defaults") && !top.equals("platforms")) {
                throw new IllegalArgumentException(file + ": unknown key '" + top + "' (expected defaults, platforms)");
            }
        }
        Map<String, Double> values = new LinkedHashMap<>();
        read(root.path("defaults"), "defaults", file, values);
        JsonNode override = root.path("platforms").path(platform);
        if (override.isObject()) {
            read(override, "platforms." + platform, file, values);
        }
        for (String key : KEYS) {
            if (!values.containsKey(key)) {
                throw new IllegalArgumentException(file + ": defaults." + key + " is missing");
            }
        }
        try {
            return new Thresholds(values.get("timingRatio"), values.get("decisionRatio"), values.get("speedupRelativeDrop"),
                    values.get("qosPoints"), values.get("workers"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + " (platform " + platform + "): " + e.getMessage());
        }
    }

    private static void read(JsonNode section, String where, Path file, Map<String, Double> into) {
        for (String key : section.propertyNames()) {
            if (!KEYS.contains(key)) {
                throw new IllegalArgumentException(file + ": unknown key '" + where + "." + key + "' (expected "
                        + String.join(", ", KEYS.stream().sorted().toList()) + ")");
            }
            JsonNode v = section.get(key);
            if (!v.isNumber()) {
                throw new IllegalArgumentException(file + ": " + where + "." + key + " must be a number, was '" + v + "'");
            }
            into.put(key, v.asDouble());
        }
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
