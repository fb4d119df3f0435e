package farmhand.farm.platform;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import farmhand.farm.spelling.Spelled;

/** Where the live farm's functions run: the closed set of {@link Platform}s a command can ask for. */
public enum PlatformKind implements Spelled {
    /** Threads of this JVM, with the configured latency profile ({@link LocalPlatform}). */
    LOCAL("local"),
    /** One child JVM per function ({@link ProcessPlatform}). */
    PROCESS("process"),
    /** One container per function on a Docker engine. */
    DOCKER("docker"),
    /** Functions behind an OpenFaaS gateway. */
    OPENFAAS("openfaas");

    private final String spelling;

    PlatformKind(String spelling) {
        this.spelling = spelling;
    }

    @JsonValue
    @Override
    public String spelling() {
        return spelling;
    }

    /**
     * The platform spelled {@code text}.
     *
     * @throws IllegalArgumentException listing the valid spellings for any other text
     */
    @JsonCreator
    public static PlatformKind of(String text) {
        return Spelled.parse(PlatformKind.class, "platform", text);
    }

    @Override
    public String toString() {
        return spelling;
    }
}
