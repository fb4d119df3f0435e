package farmhand.reproduction.fidelity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Per-step traces measured on the paper's real OpenFaaS cluster (bundled resource), summarised per
 * policy and phase for comparison with simulated or live runs. Immutable after loading.
 */
public final class ReferenceTrace {

    /** Classpath resource with the measured steps. */
    public static final String RESOURCE = "/farmhand/reference/openfaas-steps.csv";

    /**
     * One measured step.
     *
     * @param agent SARSA, REACTIVE_AVERAGE or REACTIVE_MAXIMUM
     * @param episode 1-based episode
     * @param phase 1..4 from the phase indicator
     * @param workerQueue tasks waiting
     * @param workers worker count
     * @param stepQos step QoS as a fraction
     * @param scaleSeconds seconds the step's scale action blocked
     * @param stepSeconds the step's duration
     */
    public record Step(String agent, int episode, int phase, double workerQueue, double workers, double stepQos,
                       double scaleSeconds, double stepSeconds) {
    }

    /**
     * Per-phase means of one agent.
     *
     * @param phase 1..4
     * @param steps measured steps in the phase
     * @param workerQueue mean tasks waiting
     * @param workers mean workers
     * @param stepQos mean step QoS, fraction
     */
    public record PhaseMeans(int phase, int steps, double workerQueue, double workers, double stepQos) {
    }

    private final List<Step> steps;

    private ReferenceTrace(List<Step> steps) {
        this.steps = List.copyOf(steps);
    }

    /** The bundled OpenFaaS trace. */
    public static ReferenceTrace openFaas() {
        try (InputStream in = ReferenceTrace.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<Step> steps = new ArrayList<>();
            String line;
            Map<String, Integer> col = null;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("#") || line.isBlank()) {
                    continue;
                }
                String[] f = line.split(",");
                if (col == null) {
                    col = new TreeMap<>();
                    for (int i = 0; i < f.length; i++) {
                        col.put(f[i], i);
                    }
                    continue;
                }
                steps.add(new Step(f[col.get("agent")], Integer.parseInt(f[col.get("episode")]),
                        4 - Integer.parseInt(f[col.get("input_q")]), Double.parseDouble(f[col.get("worker_q")]),
                        Double.parseDouble(f[col.get("workers")]), Double.parseDouble(f[col.get("qos_pct")]) / 100.0,
                        Double.parseDouble(f[col.get("scale_s")]), Double.parseDouble(f[col.get("step_s")])));
            }
            return new ReferenceTrace(steps);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** Every measured step. */
    public List<Step> steps() {
        return steps;
    }

    /** Per-phase means of {@code agent}'s steps (phases without steps are left out). */
    public List<PhaseMeans> phaseMeans(String agent) {
        List<PhaseMeans> out = new ArrayList<>();
        for (int p = 1; p <= 4; p++) {
            int phase = p;
            List<Step> in = steps.stream().filter(s -> s.agent().equals(agent) && s.phase() == phase).toList();
            if (in.isEmpty()) {
                continue;
            }
            out.add(new PhaseMeans(p, in.size(),
                    in.stream().mapToDouble(Step::workerQueue).average().orElseThrow(),
                    in.stream().mapToDouble(Step::workers).average().orElseThrow(),
                    in.stream().mapToDouble(Step::stepQos).average().orElseThrow()));
        }
        return out;
    }
}
