package farmhand.controllers.training;

/** Hears about training progress; the command line draws a progress bar with it. */
@FunctionalInterface
public interface TrainingListener {

    /** Called after every training episode. */
    void onEpisode(EpisodeReport report);

    /** A listener that ignores everything. */
    static TrainingListener none() {
        return r -> { };
    }
}
