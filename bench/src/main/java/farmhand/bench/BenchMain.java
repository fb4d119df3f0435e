package farmhand.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * {@code farmhand bench [--quick] [--out DIR]}: runs the controller, DQN-update and simulator
 * benchmarks, writes JMH's JSON ({@code bench.json}) and a Markdown table with JMH's error
 * ({@code bench.md}) with each target and verdict ({@link BenchTarget}). The full run (two forks per row)
 * writes into {@code bench/results/}; {@code --quick} (1 warm-up
 * and 3 measurement iterations of 0.5 s) into {@code runs/bench/}.
 */
public final class BenchMain {

    private BenchMain() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        boolean quick = false;
        Path out = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--out" -> {
                    if (i + 1 == args.length) {
                        usage("--out needs a folder");
                    }
                    out = Path.of(args[++i]);
                }
                case "-h", "--help" -> {
                    System.out.println(USAGE);
                    return;
                }
                default -> usage("unknown option '" + args[i] + "'");
            }
        }
        if (out == null) {
            out = quick ? Path.of("runs", "bench") : Path.of("bench", "results");
        }
        Files.createDirectories(out);
        Path json = out.resolve("bench.json");
        ChainedOptionsBuilder options = new OptionsBuilder()
                .include(ControllerBenchmark.class.getSimpleName())
                .include(DqnUpdateBenchmark.class.getSimpleName())
                .include(SimulatorBenchmark.class.getSimpleName())
                .resultFormat(ResultFormatType.JSON).result(json.toString());
        if (!quick) {
            options.forks(2); // a JVM's JIT decisions move a decision's cost between forks: the error should show it
        } else {
            options.warmupIterations(1).warmupTime(TimeValue.milliseconds(500))
                    .measurementIterations(3).measurementTime(TimeValue.milliseconds(500));
        }
        Collection<RunResult> results = new Runner(options.build()).run();
        String md = markdown(results, quick);
        Files.writeString(out.resolve("bench.md"), md);
        System.out.println();
        System.out.print(md);
        System.out.println("wrote " + json + " and " + out.resolve("bench.md"));
    }

    private static final String USAGE = """
            Usage: farmhand bench [--quick] [--out DIR]
            Runs ControllerBenchmark (every policy's decision, reward), DqnUpdateBenchmark (one minibatch update)
            and SimulatorBenchmark (a 1140-task episode) with JMH; writes DIR/bench.json (JMH JSON) and
            DIR/bench.md (the table, with JMH's 99.9 % error). DIR: bench/results (full), runs/bench (--quick).""";

    private static void usage(String problem) {
        System.err.println("farmhand bench: " + problem);
        System.err.println(USAGE);
        System.exit(2);
    }

    static String markdown(Collection<RunResult> results, boolean quick) {
        List<String> rows = new ArrayList<>();
        rows.add("| benchmark | parameter | score | error (99.9 %) | unit | target | verdict |");
        rows.add("|---|---|---|---|---|---|---|");
        for (RunResult r : results) {
            var params = r.getParams();
            String name = params.getBenchmark().substring(params.getBenchmark().lastIndexOf('.', params.getBenchmark()
                    .lastIndexOf('.') - 1) + 1);
            String param = params.getParamsKeys().stream().map(k -> params.getParam(k)).reduce((a, b) -> a + ", " + b)
                    .orElse("");
            var p = r.getPrimaryResult();
            var target = BenchTarget.of(name, param);
            rows.add(String.format(Locale.ROOT, "| %s | %s | %.3f | %.3f | %s | %s | %s |", name,
                    BenchTarget.paramText(param), p.getScore(), p.getScoreError(), p.getScoreUnit(),
                    target.map(BenchTarget::text).orElse(""),
                    target.map(t -> t.judge(p.getScore(), p.getScoreError()).toString()).orElse("")));
        }
        return (quick ? "JMH quick run (1 x 0.5 s warm-up, 3 x 0.5 s measurement, 1 fork)\n\n"
                : "JMH full run (3 warm-up and 5 measurement iterations of 1 s, 2 s for the simulator, 2 forks)\n\n") + String.join("\n", rows) + "\n";
    }
}
