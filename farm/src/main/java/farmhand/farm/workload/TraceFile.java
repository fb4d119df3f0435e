package farmhand.farm.workload;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A recorded arrival trace to replay (issue 14): a CSV file whose first line is the header
 * {@code arrival_seconds,image_size_px} or {@code arrival_seconds,service_seconds}, then one task
 * per line: its arrival in seconds from the episode's start (finite, {@code >= 0}, not decreasing),
 * and either the image side in px (an integer within the service-time model's range) or the
 * service time in seconds (finite, {@code > 0}). Blank lines and lines starting with {@code #} are
 * skipped. Anything else is refused with {@code file:line: what was wrong}.
 *
 * <p>Parsed by hand, not with a CSV library: two unquoted numeric columns need no quoting or
 * escaping rules, and a hand-written reader names the exact line of every refusal.
 *
 * @param source the file, as named in errors
 * @param arrivalSeconds arrival of each task, not decreasing
 * @param serviceSeconds service time of each task (from the size through the model when the file gives sizes)
 * @param imageSizePx image side of each task
 */
public record TraceFile(String source, double[] arrivalSeconds, double[] serviceSeconds, int[] imageSizePx) {

    /** The header of a trace giving image sizes. */
    public static final String SIZE_HEADER = "arrival_seconds,image_size_px";
    /** The header of a trace giving service times. */
    public static final String SERVICE_HEADER = "arrival_seconds,service_seconds";

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

    /** Number of tasks in the trace. */
    public int size() {
        return arrivalSeconds.length;
    }

    /**
     * Reads {@code file}, mapping sizes to service times (or back) with {@code model}.
     *
     * @throws IllegalArgumentException {@code file:line: reason} for anything the format refuses, or when the file cannot be read
     */
    public static TraceFile read(Path file, ServiceTimeModel model) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("trace file " + file + " cannot be read: " + e.getMessage(), e);
        }
        return parse(lines, file.toString(), model);
    }

    /** Parses {@code lines} of a trace; {@code source} names it in errors. */
    public static TraceFile parse(List<String> lines, String source, ServiceTimeModel model) {
        Boolean sizes = null;
        List<double[]> rows = new ArrayList<>();
        double last = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNo = i + 1;
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (sizes == null) {
                String header = line.replace(" ", "").toLowerCase(Locale.ROOT);
                if (header.equals(SIZE_HEADER)) {
                    sizes = true;
                } else if (header.equals(SERVICE_HEADER)) {
                    sizes = false;
                } else {
                    throw fail(source, lineNo, "the header must be '" + SIZE_HEADER + "' or '" + SERVICE_HEADER
                            + "', was '" + line + "'");
                }
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != 2) {
                throw fail(source, lineNo, "expected 2 comma-separated values, found " + cells.length + ": '" + line + "'");
            }
            double arrival = number(cells[0], "arrival_seconds", source, lineNo);
            if (arrival < 0) {
                throw fail(source, lineNo, "arrival_seconds must be >= 0, was " + cells[0].strip());
            }
            if (arrival < last) {
                throw fail(source, lineNo, "arrival_seconds must not decrease, " + cells[0].strip() + " follows " + last);
            }
            last = arrival;
            if (sizes) {
                int size;
                try {
                    size = Integer.parseInt(cells[1].strip());
                } catch (NumberFormatException e) {
                    throw fail(source, lineNo, "image_size_px must be an integer, was '" + cells[1].strip() + "'");
                }
                if (size < model.minSizePx() || size > model.maxSizePx()) {
                    throw fail(source, lineNo, "image_size_px must be in [" + model.minSizePx() + ", " + model.maxSizePx()
                            + "], was " + size);
                }
                rows.add(new double[] {arrival, model.seconds(size), size});
            } else {
                double service = number(cells[1], "service_seconds", source, lineNo);
                if (!(service > 0)) {
                    throw fail(source, lineNo, "service_seconds must be > 0, was " + cells[1].strip());
                }
                rows.add(new double[] {arrival, service, model.sizeFor(service)});
            }
        }
        if (sizes == null) {
            throw new IllegalArgumentException(source + ": empty trace, expected the header '" + SIZE_HEADER + "' or '"
                    + SERVICE_HEADER + "'");
        }
        if (rows.isEmpty()) {
            throw new IllegalArgumentException(source + ": the trace has a header but no task");
        }
        int n = rows.size();
        double[] a = new double[n];
        double[] s = new double[n];
        int[] px = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = rows.get(i)[0];
            s[i] = rows.get(i)[1];
            px[i] = (int) rows.get(i)[2];
        }
        return new TraceFile(source, a, s, px);
    }

    private static double number(String cell, String column, String source, int lineNo) {
        String text = cell.strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw fail(source, lineNo, column + " must be a finite decimal number, was '" + text + "'");
        }
        return Double.parseDouble(text);
    }

    private static IllegalArgumentException fail(String source, int lineNo, String message) {
        return new IllegalArgumentException(source + ":" + lineNo + ": " + message);
    }
}
