package io.amdim4j.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class SplitTest {

    @Test
    void plusJoinsStoredSplitsInOrder() {
        Split split = Split.parse("train+unlabeled");
        assertThat(split.parts()).containsExactly("train", "unlabeled");
        assertThat(split.isJoined()).isTrue();
        assertThat(split).hasToString("train+unlabeled");
        assertThat(Split.parse(" test ")).isEqualTo(Split.TEST);
        assertThat(Split.TEST.isJoined()).isFalse();
    }

    @Test
    void emptyPartsAreRefused() {
        for (String bad : List.of("", " ", "train+", "+train", "train++test")) {
            assertThatThrownBy(() -> Split.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void theLabelledPartDropsBothSpellingsOfUnlabelled() {
        assertThat(Split.parse("train+unlabeled").labelled()).isEqualTo(Split.TRAIN);
        assertThat(Split.parse("unlabelled+train+extra").labelled()).isEqualTo(Split.parse("train+extra"));
        assertThat(Split.TRAIN.labelled()).isEqualTo(Split.TRAIN);
        assertThatThrownBy(() -> Split.parse("unlabeled").labelled()).hasMessageContaining("'unlabeled'");
    }
}
