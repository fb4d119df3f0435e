package farmhand.reproduction.regression;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one run of the regression suite measured: the reference duration timings are divided by,
 * and every figure. This is also the shape of a baseline file.
 *
 * @param platform the platform's command-line name
 * @param referenceMillis the reference measured in the same run (fastest wall time of a fixed
 *                        simulated episode), wall milliseconds
 * @param figures every figure, names unique
 */
public record RegressionReport(String platform, double referenceMillis, List<Figure> figures) {

    public RegressionReport {
        figures = List.copyOf(figures);
        if (figures.stream().map(Figure::name).distinct().count() != figures.size()) {
            throw new IllegalArgumentException("figure names must be unique: " + figures.stream().map(Figure::name).toList());
        }
    }

    /** The figure called {@code name}. */
    public Optional<Figure> figure(String name) {
        return figures.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** Figures by name, in report order. */
    public Map<String, Figure> byName() {
        Map<String, Figure> m = new LinkedHashMap<>();
        figures.forEach(f -> m.put(f.name(), f));
        return m;
    }
}
