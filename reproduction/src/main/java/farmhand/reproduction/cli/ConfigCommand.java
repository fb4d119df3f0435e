package farmhand.reproduction.cli;

import farmhand.reproduction.config.ConfigLoader;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code farmhand config}: prints the default experiment YAML, or checks a file. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Print the default experiment configuration as YAML, or check a file with --check.")
public final class ConfigCommand implements Callable<Integer> {

    @Option(names = "--check", paramLabel = "FILE", description = "load FILE and report the first problem, if any")
    Path check;

    @Override
    public Integer call() {
        if (check != null) {
            ConfigLoader.load(check);
            System.out.println(check + ": ok");
            return 0;
        }
        System.out.print(ConfigLoader.defaultsYaml());
        return 0;
    }
}
