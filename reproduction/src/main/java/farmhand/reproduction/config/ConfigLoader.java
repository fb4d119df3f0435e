package farmhand.reproduction.config;

import farmhand.controllers.reward.RewardConfig;
import farmhand.controllers.reward.RewardPreset;
import farmhand.farm.spelling.Spelled;
import farmhand.farm.workload.NamedWorkload;
import farmhand.farm.workload.WorkloadConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads an experiment YAML file over the paper's defaults: a key given in the file replaces the
 * default, a key not given keeps it. Refuses, with a {@link ConfigException} naming the file and
 * the key, an unknown key, a value of the wrong type and a value the configuration rejects
 * (for example {@code environment.minWorkers} above {@code environment.maxWorkers}), and, before
 * any of that, a key given twice, a non-finite number ({@code .inf}, {@code .nan}), a fraction where
 * an integer goes, a quoted number or a mapping where a plain value goes: each value must have the
 * type of the default it replaces.
 *
 * <p>{@code reward.preset: paper-sarsa} starts the reward section from that preset, and
 * {@code workload.preset: impulse} (any {@link NamedWorkload}; {@code trace} with {@code workload.traceFile})
 * the workload section from that workload. Thread-safe.
 */
public final class ConfigLoader {

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private ConfigLoader() {
    }

    /** The configuration in {@code file}, over {@link ExperimentConfig#paper()}. */
    public static ExperimentConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist or is not a file");
        }
        JsonNode user;
        try {
            user = YAML.readTree(file.toFile());
        } catch (JacksonException e) {
            throw new ConfigException(file + ": not valid YAML: " + yamlMessage(e));
        }
        return fromTree(user, file.toString());
    }

    /** The configuration in the YAML text {@code yaml}; {@code source} names it in errors. */
    public static ExperimentConfig parse(String yaml, String source) {
        JsonNode user;
        try {
            user = YAML.readTree(yaml);
        } catch (JacksonException e) {
            throw new ConfigException(source + ": not valid YAML: " + yamlMessage(e));
        }
        return fromTree(user, source);
    }

    /** The defaults as YAML text, a starting point for a file of one's own. */
    public static String defaultsYaml() {
        return yaml(ExperimentConfig.paper());
    }

    /** {@code config} as YAML text that {@link #parse} reads back to it (for a run's record of what it ran). */
    public static String yaml(ExperimentConfig config) {
        return YAML.writeValueAsString(JSON.valueToTree(config));
    }

    private static ExperimentConfig fromTree(JsonNode user, String source) {
        ObjectNode merged = JSON.valueToTree(ExperimentConfig.paper());
        if (user == null || user.isMissingNode() || user.isNull()) {
            return ExperimentConfig.paper();
        }
        if (!user.isObject()) {
            throw new ConfigException(source + ": the top level must be a mapping of sections ("
                    + String.join(", ", names(merged)) + ")");
        }
        JsonNode reward = user.get("reward");
        if (reward != null && reward.isObject() && reward.has("preset")) {
            JsonNode presetNode = reward.get("preset");
            if (!presetNode.isString()) {
                throw new ConfigException(source + ": key 'reward.preset' must be a preset name ("
                        + String.join(", ", Spelled.spellings(RewardPreset.class)) + "), was " + describe(presetNode));
            }
            String preset = presetNode.asString();
            RewardConfig base;
            try {
                base = RewardPreset.of(preset).config();
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source + ": key 'reward.preset': " + e.getMessage());
            }
            merged.set("reward", JSON.valueToTree(base));
            ((ObjectNode) reward).remove("preset");
        }
        JsonNode workload = user.get("workload");
        if (workload != null && workload.isObject() && workload.has("preset")) {
            JsonNode presetNode = workload.get("preset");
            if (!presetNode.isString()) {
                throw new ConfigException(source + ": key 'workload.preset' must be a workload name ("
                        + NamedWorkload.names() + "), was " + describe(presetNode));
            }
            WorkloadConfig base;
            try {
                NamedWorkload preset = NamedWorkload.of(presetNode.asString());
                JsonNode trace = workload.get("traceFile");
                base = preset.apply(WorkloadConfig.paper(), preset == NamedWorkload.TRACE && trace != null && trace.isString()
                        ? trace.asString() : null);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(source + ": key 'workload.preset': " + e.getMessage());
            }
            merged.set("workload", JSON.valueToTree(base));
            ((ObjectNode) workload).remove("preset");
        }
        merge(merged, (ObjectNode) user, "", source);
        try {
            return JSON.treeToValue(merged, ExperimentConfig.class);
        } catch (JacksonException e) {
            throw new ConfigException(source + ": key '" + path(e) + "': " + rootMessage(e));
        }
    }

    private static void merge(ObjectNode into, ObjectNode from, String prefix, String source) {
        for (Map.Entry<String, JsonNode> field : from.properties()) {
            String key = field.getKey();
            String path = prefix.isEmpty() ? key : prefix + "." + key;
            JsonNode current = into.get(key);
            if (current == null) {
                throw new ConfigException(source + ": unknown key '" + path + "'"
                        + (names(into).isEmpty() ? "" : " (known here: " + String.join(", ", names(into)) + ")"));
            }
            JsonNode value = field.getValue();
            requireSameType(current, value, path, source);
            if (current.isObject() && value.isObject()) {
                merge((ObjectNode) current, (ObjectNode) value, path, source);
            } else if (current.isObject() && !value.isNull()) {
                throw new ConfigException(source + ": key '" + path + "' must be a mapping of "
                        + String.join(", ", names(current)));
            } else {
                into.set(key, value);
            }
        }
    }

    /**
     * Refuses {@code value} unless it has the type of the default {@code current} it replaces: a
     * finite number for a number (an integer for an integer), a string for a string, a boolean for
     * a boolean; list elements are checked against the default list's first element.
     */
    private static void requireSameType(JsonNode current, JsonNode value, String path, String source) {
        if (value.isNumber() && !Double.isFinite(value.asDouble())) {
            throw new ConfigException(source + ": key '" + path + "' must be a finite number, was " + value.asDouble());
        }
        if (current.isNull() || value.isNull()) {
            return; // an optional value, or a null that the section's own check refuses where it matters
        }
        String expected = null;
        if (current.isIntegralNumber() && !value.isIntegralNumber()) {
            expected = "an integer";
        } else if (current.isNumber() && !value.isNumber()) {
            expected = "a number";
        } else if (current.isString() && !value.isString()) {
            expected = "a string";
        } else if (current.isBoolean() && !value.isBoolean()) {
            expected = "true or false";
        } else if (current.isArray() && !value.isArray()) {
            expected = "a list";
        } else if (current.isObject() && !value.isObject()) {
            expected = "a mapping of " + String.join(", ", names(current));
        }
        if (expected != null) {
            throw new ConfigException(source + ": key '" + path + "' must be " + expected + ", was " + describe(value));
        }
        if (current.isArray() && !current.isEmpty()) {
            JsonNode template = current.get(0);
            for (int i = 0; i < value.size(); i++) {
                JsonNode element = value.get(i);
                String at = path + "[" + i + "]";
                requireSameType(template, element, at, source);
                if (template.isObject() && element.isObject()) {
                    for (Map.Entry<String, JsonNode> f : element.properties()) {
                        JsonNode t = template.get(f.getKey());
                        if (t != null) {
                            requireSameType(t, f.getValue(), at + "." + f.getKey(), source);
                        }
                    }
                }
            }
        }
    }

    /** A user value as the message shows it: strings quoted, so a quoted number is visibly a string. */
    private static String describe(JsonNode value) {
        if (value.isString()) {
            return "the string '" + value.asString() + "'";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        return value.toString();
    }

    /**
     * Jackson's message for a YAML parse failure, with the line it happened on; a key given twice
     * is named by its whole path ({@code environment.maxSteps}).
     */
    private static String yamlMessage(JacksonException e) {
        String where = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Duplicate")
                && e.processor() instanceof JsonParser parser) {
            String key = parser.streamReadContext().pathAsPointer().toString().substring(1).replace('/', '.');
            return "key '" + key + "' is given twice" + where;
        }
        return e.getOriginalMessage() + where;
    }

    private static List<String> names(JsonNode node) {
        List<String> out = new ArrayList<>();
        node.propertyNames().forEach(out::add);
        return out;
    }

    private static String path(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.isEmpty() ? "(top level)" : sb.toString();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        if (t instanceof JacksonException j) {
            return j.getOriginalMessage();
        }
        return t.getMessage();
    }
}
