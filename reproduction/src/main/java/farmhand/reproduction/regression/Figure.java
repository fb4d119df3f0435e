package farmhand.reproduction.regression;

import java.util.Objects;

/**
 * One measured figure of the regression suite.
 *
 * @param name unique within a report, e.g. {@code qos.reactive-average}
 * @param kind how it is compared
 * @param value what the gate compares: for timings and decisions the raw value divided by the
 *              run's reference; otherwise the raw value
 * @param raw the measured value in {@code unit}
 * @param unit unit of {@code raw}, e.g. {@code ms}, {@code ns}, {@code fraction}
 */
public record Figure(String name, FigureKind kind, double value, double raw, String unit) {

    public Figure {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(unit, "unit");
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("figure " + name + " is not a finite number: " + value);
        }
    }

    /** A timing: {@code raw} in {@code unit}, stored as its ratio to {@code referenceRaw} (same unit). */
    public static Figure timing(String name, double raw, String unit, double referenceRaw) {
        return new Figure(name, FigureKind.TIMING, raw / referenceRaw, raw, unit);
    }

    /** A decision cost: {@code nanos} per decision, stored as its ratio to {@code referenceNanos}. */
    public static Figure decision(String name, double nanos, double referenceNanos) {
        return new Figure(name, FigureKind.DECISION, nanos / referenceNanos, nanos, "ns");
    }

    /** A figure compared as it is (speedup, QoS, workers). */
    public static Figure plain(String name, FigureKind kind, double raw, String unit) {
        return new Figure(name, kind, raw, raw, unit);
    }
}
