package farmhand.reproduction.cli;

import farmhand.controllers.model.ModelFileException;
import farmhand.reproduction.config.ConfigException;
import java.io.UncheckedIOException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code farmhand} command-line tool: reproduce the paper, evaluate and train policies, run
 * the scaling experiment. Errors that a user can fix are printed in one line, without a stack trace.
 */
@Command(name = "farmhand", mixinStandardHelpOptions = true, version = "farmhand 0.1.0",
        description = "Reproduce 'RL-Based Dynamic Management of Structured Parallel Farm Skeletons on Serverless Platforms'.",
        subcommands = {ReproduceCommand.class, EvaluateCommand.class, TrainCommand.class, FidelityCommand.class, CompareCommand.class,
            ScalingCurveCommand.class, ConfigCommand.class, RegressionCommand.class,
            CommandLine.HelpCommand.class})
public final class FarmhandCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Runs the tool; exits 0 on success, 2 on a usage or configuration error, 1 on other failures. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the tool and returns its exit code (for tests). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new FarmhandCommand());
        Spellings.register(cli);
        cli.setParameterExceptionHandler((e, given) -> {
            CommandLine at = e.getCommandLine();
            at.getErr().println("farmhand: error: " + e.getMessage() + " (see '" + at.getCommandSpec().qualifiedName()
                    + " --help')");
            at.getErr().flush();
            return 2;
        });
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ConfigException || e instanceof IllegalArgumentException || e instanceof ModelFileException) {
                commandLine.getErr().println("farmhand: error: " + e.getMessage());
                commandLine.getErr().flush();
                return 2;
            }
            if (e instanceof UncheckedIOException || e instanceof IllegalStateException) {
                commandLine.getErr().println("farmhand: error: " + e.getMessage());
                commandLine.getErr().flush();
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
