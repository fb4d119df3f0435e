package farmhand.farm.platform;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Resamples measured latencies uniformly (a bootstrap of the empirical distribution).
 * Immutable and thread-safe.
 */
public final class EmpiricalLatencyProfile implements LatencyProfile {

    /** Classpath resource holding the measured OpenFaaS latencies. */
    public static final String OPENFAAS_RESOURCE = "/farmhand/platform/openfaas-scale-latency.csv";

    private static volatile EmpiricalLatencyProfile openFaas;

    private final String name;
    private final double[] upSeconds;
    private final double[] downSeconds;

    /**
     * @param name profile name
     * @param upSeconds measured scale-up latencies in seconds, non-empty, each {@code >= 0}
     * @param downSeconds measured scale-down latencies in seconds, non-empty, each {@code >= 0}
     */
    public EmpiricalLatencyProfile(String name, double[] upSeconds, double[] downSeconds) {
        if (upSeconds.length == 0 || downSeconds.length == 0) {
            throw new IllegalArgumentException("profile '" + name + "' needs at least one up and one down sample");
        }
        this.name = name;
        this.upSeconds = upSeconds.clone();
        this.downSeconds = downSeconds.clone();
    }

    static EmpiricalLatencyProfile openFaasMeasured() {
        EmpiricalLatencyProfile p = openFaas;
        if (p == null) {
            try (InputStream in = EmpiricalLatencyProfile.class.getResourceAsStream(OPENFAAS_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("resource " + OPENFAAS_RESOURCE + " is missing from the classpath");
                }
                p = read("openfaas-measured", in, OPENFAAS_RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + OPENFAAS_RESOURCE, e);
            }
            openFaas = p;
        }
        return p;
    }

    /**
     * Reads a latency profile file (e.g. one {@code farmhand scaling-curve --latency-profile-out} wrote),
     * named after the file.
     *
     * @throws IllegalArgumentException naming the file when it cannot be read or a row is wrong
     */
    public static EmpiricalLatencyProfile fromFile(java.nio.file.Path file) {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return read(file.getFileName().toString(), in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the latency profile file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads {@code direction,workers_after,seconds} rows (header and {@code #} comments skipped).
     *
     * @param source named in error messages
     */
    public static EmpiricalLatencyProfile read(String name, InputStream in, String source) throws IOException {
        List<Double> up = new ArrayList<>();
        List<Double> down = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            line = line.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("direction")) {
                continue;
            }
            String[] f = line.split(",");
            if (f.length != 3) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": expected 3 fields, got '" + line + "'");
            }
            double seconds;
            try {
                seconds = Double.parseDouble(f[2]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": seconds is not a number: '" + f[2] + "'");
            }
            if (!(seconds >= 0)) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": seconds must be >= 0, was " + seconds);
            }
            switch (f[0]) {
                case "up" -> up.add(seconds);
                case "down" -> down.add(seconds);
                default -> throw new IllegalArgumentException(
                        source + ":" + lineNo + ": direction must be up or down, was '" + f[0] + "'");
            }
        }
        return new EmpiricalLatencyProfile(name,
                up.stream().mapToDouble(Double::doubleValue).toArray(),
                down.stream().mapToDouble(Double::doubleValue).toArray());
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public double scaleUpSeconds(UniformRandomProvider rng) {
        return upSeconds[rng.nextInt(upSeconds.length)];
    }

    @Override
    public double scaleDownSeconds(UniformRandomProvider rng) {
        return downSeconds[rng.nextInt(downSeconds.length)];
    }

    /** Mean of the scale-up samples, in seconds. */
    public double meanUpSeconds() {
        return java.util.Arrays.stream(upSeconds).average().orElseThrow();
    }

    /** Mean of the scale-down samples, in seconds. */
    public double meanDownSeconds() {
        return java.util.Arrays.stream(downSeconds).average().orElseThrow();
    }
}
