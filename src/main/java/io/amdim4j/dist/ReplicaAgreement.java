package io.amdim4j.dist;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whether every process holds the same thing as rank 0 (its configuration, its parameters), judged
 * from a digest: rank 0's digest is broadcast, each process compares its own, and the verdicts are
 * summed, so every process learns the same list and they all stop together instead of leaving the
 * others waiting in a collective.
 */
public final class ReplicaAgreement {

    private ReplicaAgreement() {
    }

    /**
     * The ranks whose digest differs from rank 0's; the same list on every process.
     *
     * @param digest this process's digest (the same length on every process)
     */
    public static List<Integer> disagreeing(ProcessGroup group, byte[] digest) {
        byte[] leader = group.broadcast(digest);
        double[] differs = new double[group.size()];
        differs[group.rank()] = Arrays.equals(leader, digest) ? 0 : 1;
        group.allReduceSum(differs);
        List<Integer> out = new ArrayList<>();
        for (int r = 0; r < differs.length; r++) {
            if (differs[r] > 0) {
                out.add(r);
            }
        }
        return out;
    }
}
