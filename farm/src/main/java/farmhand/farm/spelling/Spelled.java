package farmhand.farm.spelling;

import java.util.Arrays;
import java.util.List;

/**
 * A constant of a closed set that has one spelling on the command line, in YAML and in reports
 * ({@code reactive-average}, {@code openfaas-measured}). Enums implement it; {@link #parse} turns a
 * spelling back into the constant and refuses anything else in one line that lists the valid spellings.
 */
public interface Spelled {

    /** How the command line, the YAML files and the reports spell this constant. */
    String spelling();

    /**
     * The constant of {@code type} spelled {@code text}.
     *
     * @param what what the set is called in the error message, for example {@code policy}
     * @throws IllegalArgumentException "unknown policy 'x': expected one of a, b, c" for any other text
     */
    static <E extends Enum<E> & Spelled> E parse(Class<E> type, String what, String text) {
        for (E e : type.getEnumConstants()) {
            if (e.spelling().equals(text)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown " + what + " '" + text + "': expected one of "
                + String.join(", ", spellings(type)));
    }

    /** Every spelling of {@code type}, in declaration order. */
    static <E extends Enum<E> & Spelled> List<String> spellings(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Spelled::spelling).toList();
    }
}
