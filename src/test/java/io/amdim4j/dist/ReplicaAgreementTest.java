package io.amdim4j.dist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplicaAgreementTest {

    @Test
    void aRankWhoseDigestDiffersFromRankZerosIsNamed() {
        TwoRankFake rank1 = new TwoRankFake(1);
        rank1.otherBytes = new byte[] {1, 2, 3}; // rank 0's digest
        assertThat(ReplicaAgreement.disagreeing(rank1, new byte[] {1, 2, 4})).containsExactly(1);
        assertThat(ReplicaAgreement.disagreeing(rank1, new byte[] {1, 2, 3})).isEmpty();
    }

    @Test
    void rankZeroLearnsTheOtherRanksVerdict() {
        TwoRankFake rank0 = new TwoRankFake(0);
        rank0.otherScalars = new double[] {0, 1}; // rank 1 reports that it differs
        assertThat(ReplicaAgreement.disagreeing(rank0, new byte[] {7})).containsExactly(1);
    }
}
