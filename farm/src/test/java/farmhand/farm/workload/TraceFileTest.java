package farmhand.farm.workload;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TraceFileTest {

    private static final ServiceTimeModel MODEL = ServiceTimeModel.PAPER;

    @Test
    void aTraceOfSizesReplaysItsArrivalsWithTheModelsServiceTimes(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("t.csv");
        Files.writeString(file, "# recorded\narrival_seconds,image_size_px\n0.0,512\n0.5,4096\n\n2.25,2048\n9.0,1024\n");
        WorkloadConfig config = WorkloadConfig.paper().withShape(WorkloadShape.TRACE, file.toString());
        Workload w = new WorkloadGenerator(config).generate(1);
        assertEquals(4, w.size());
        assertArrayEquals(new double[] {0.0, 0.5, 2.25, 9.0},
                w.tasks().stream().mapToDouble(Task::generationSeconds).toArray());
        assertEquals(MODEL.seconds(4096), w.tasks().get(1).serviceSeconds());
        assertEquals(2 * MODEL.seconds(4096), w.tasks().get(1).deadlineSeconds(), 1e-12);
        assertEquals(List.of(0.0, 2.25, 4.5, 6.75), w.phaseStartSeconds(), "the span cut in four for the phase indicator");
        assertEquals(List.of(1, 1, 2, 4), w.tasks().stream().map(Task::phase).toList());
        assertEquals(w.tasks(), new WorkloadGenerator(config).generate(2).tasks(), "a trace is the same for every seed");
    }

    @Test
    void aTraceOfServiceTimesKeepsThem() {
        TraceFile t = TraceFile.parse(List.of("arrival_seconds, service_seconds", "1,1.25", "1,0.3"), "mem", MODEL);
        assertArrayEquals(new double[] {1.25, 0.3}, t.serviceSeconds());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "arrival,size\\n1,512 | mem:1: the header must be 'arrival_seconds,image_size_px' or 'arrival_seconds,service_seconds', was 'arrival,size'",
        "arrival_seconds,image_size_px\\n1,512,3 | mem:2: expected 2 comma-separated values, found 3: '1,512,3'",
        "arrival_seconds,image_size_px\\n1,512\\nx,512 | mem:3: arrival_seconds must be a finite decimal number, was 'x'",
        "arrival_seconds,image_size_px\\n2,512\\n1,512 | mem:3: arrival_seconds must not decrease, 1 follows 2.0",
        "arrival_seconds,image_size_px\\n-1,512 | mem:2: arrival_seconds must be >= 0, was -1",
        "arrival_seconds,image_size_px\\n1,100 | mem:2: image_size_px must be in [512, 4096], was 100",
        "arrival_seconds,image_size_px\\n1,51.2 | mem:2: image_size_px must be an integer, was '51.2'",
        "arrival_seconds,service_seconds\\n1,0 | mem:2: service_seconds must be > 0, was 0",
        "arrival_seconds,service_seconds\\n1,NaN | mem:2: service_seconds must be a finite decimal number, was 'NaN'",
        "arrival_seconds,service_seconds\\n1,2d | mem:2: service_seconds must be a finite decimal number, was '2d'",
        "arrival_seconds,service_seconds | mem: the trace has a header but no task",
        "# only a comment | mem: empty trace, expected the header 'arrival_seconds,image_size_px' or 'arrival_seconds,service_seconds'",
    })
    void aMalformedTraceIsRefusedNamingTheFileAndLine(String text, String message) {
        var e = assertThrows(IllegalArgumentException.class,
                () -> TraceFile.parse(List.of(text.replace("\\n", "\n").split("\n")), "mem", MODEL));
        assertEquals(message, e.getMessage());
    }

    @Test
    void aMissingTraceFileIsRefusedWhenTheGeneratorIsMade(@TempDir Path dir) {
        Path missing = dir.resolve("none.csv");
        WorkloadConfig config = WorkloadConfig.paper().withShape(WorkloadShape.TRACE, missing.toString());
        var e = assertThrows(IllegalArgumentException.class, () -> new WorkloadGenerator(config));
        assertEquals("trace file " + missing + " cannot be read: " + missing, e.getMessage());
    }
}
