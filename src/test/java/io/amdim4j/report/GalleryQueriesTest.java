package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GalleryQueriesTest {

    @Test
    void classesAreVisitedInLabelOrderRoundAfterRound() {
        int[] labels = {2, 0, 0, 1, 2, 1, 0};
        // round 1: first 0 (row 1), first 1 (row 3), first 2 (row 0); round 2: rows 2, 5, 4; round 3: row 6
        assertThat(GalleryQueries.choose(labels, 5)).containsExactly(1, 3, 0, 2, 5);
        assertThat(GalleryQueries.choose(labels, 100)).containsExactly(1, 3, 0, 2, 5, 4, 6);
    }

    @Test
    void tenClassesGiveTheFirstRowOfEachOfTheFirstEight() {
        int[] labels = new int[50];
        for (int r = 0; r < labels.length; r++) {
            labels[r] = 9 - r % 10;
        }
        // label c first appears at row 9 − c
        assertThat(GalleryQueries.choose(labels, 8)).containsExactly(9, 8, 7, 6, 5, 4, 3, 2);
    }

    @Test
    void unlabelledRowsFormTheirOwnClass() {
        assertThat(GalleryQueries.choose(new int[] {3, -1, 3, -1}, 3)).containsExactly(1, 0, 3);
    }
}
