package farmhand.controllers.oracle;

import farmhand.controllers.env.Action;
import farmhand.controllers.env.Observation;
import farmhand.controllers.env.StepInfo;
import farmhand.controllers.policy.Policy;
import farmhand.farm.workload.Workload;
import farmhand.farm.workload.WorkloadGenerator;
import java.util.Objects;

/**
 * The oracle's policy: at every reset it generates the episode's workload from the seed (so it
 * knows when and in which order each phase plays, which no real controller can) and moves one worker per step toward
 * its {@link PhaseSchedule}'s target for the current time. Clairvoyant by construction; used only to
 * bound what a controller could reach, never as a baseline a platform could deploy.
 */
public final class ScheduledPolicy implements Policy {

    private final WorkloadGenerator workloads;
    private final PhaseSchedule schedule;
    private double[] phaseStarts;
    private int[] phaseOrder;

    /**
     * @param workloads the generator the environment uses (the oracle regenerates each episode from its seed)
     * @param schedule the schedule to follow
     */
    public ScheduledPolicy(WorkloadGenerator workloads, PhaseSchedule schedule) {
        this.workloads = Objects.requireNonNull(workloads, "workloads");
        this.schedule = Objects.requireNonNull(schedule, "schedule");
    }

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public void reset(long seed) {
        Workload workload = workloads.generate(seed);
        if (workload.phaseOrder().stream().anyMatch(p -> p < 1 || p > 4)) {
            throw new IllegalStateException("the oracle's schedules know phases 1-4, the workload plays " + workload.phaseOrder());
        }
        phaseStarts = workload.phaseStartSeconds().stream().mapToDouble(Double::doubleValue).toArray();
        phaseOrder = workload.phaseOrder().stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public Action act(Observation observation, StepInfo info) {
        if (phaseStarts == null) {
            throw new IllegalStateException("act() before reset()");
        }
        int target = schedule.target(info.nowSeconds(), phaseStarts, phaseOrder);
        int workers = (int) Math.round(observation.workers());
        return target > workers ? Action.SCALE_UP : target < workers ? Action.SCALE_DOWN : Action.NO_OP;
    }
}
