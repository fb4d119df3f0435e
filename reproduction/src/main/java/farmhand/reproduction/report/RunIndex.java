package farmhand.reproduction.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The {@code README.md} of a reproduction's output folder: when, from which commit, on which machine
 * and with which configuration it ran, then its tables and figures in order, each figure embedded
 * (PNG) with a link to its SVG. Built section by section; {@link #write} writes it.
 */
public final class RunIndex {

    private final String title;
    private final List<String> sections = new ArrayList<>();

    /** An index titled {@code title}, starting with the run's date, commit and machine. */
    public RunIndex(String title, String command, String configuration) {
        this.title = title;
        sections.add("- date: " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\n"
                + "- commit: " + commit() + "\n"
                + "- machine: " + machine() + "\n"
                + "- command: `" + command + "`\n"
                + "- configuration: " + configuration + "\n");
    }

    /** Adds a section with a heading and Markdown text. */
    public RunIndex section(String heading, String markdown) {
        sections.add("## " + heading + "\n\n" + markdown.strip() + "\n");
        return this;
    }

    /** Adds a figure (a PNG in the index's folder, with an SVG beside it) under a heading, with a one-line caption. */
    public RunIndex figure(String heading, Path png, String caption) {
        String name = png.getFileName().toString();
        String svg = name.replaceAll("\\.png$", ".svg");
        sections.add("## " + heading + "\n\n" + caption.strip() + " ([SVG](" + svg + "))\n\n![" + heading + "](" + name
                + ")\n");
        return this;
    }

    /** The index as Markdown. */
    public String markdown() {
        return "# " + title + "\n\n" + String.join("\n", sections);
    }

    /** Writes the index to {@code dir/README.md} and returns that path. */
    public Path write(Path dir) {
        return TextFile.write(dir.resolve("README.md"), markdown());
    }

    /** The checked-out commit (with "+ uncommitted changes" when the tree is dirty), or why it is unknown. */
    static String commit() {
        String head = git("rev-parse", "HEAD");
        if (head == null) {
            return "unknown (not run from a git checkout)";
        }
        String status = git("status", "--porcelain", "--untracked-files=no");
        return head + (status == null || status.isEmpty() ? "" : " + uncommitted changes");
    }

    private static String git(String... args) {
        List<String> cmd = new ArrayList<>(List.of("git"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(p.getInputStream().readAllBytes()).strip();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** OS, processor, cores, memory and JDK of this machine. */
    static String machine() {
        String cpu = "unknown processor";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse(cpu);
        } catch (IOException | RuntimeException e) {
            // not Linux: the processor stays unknown
        }
        return String.format(Locale.ROOT, "%s %s (%s), %s, %d cores, %.1f GB max heap, JDK %s (%s)",
                System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"), cpu,
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() / 1e9,
                System.getProperty("java.version"), System.getProperty("java.vendor"));
    }
}
