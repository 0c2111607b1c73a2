package io.amdim4j.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvalConfigTest {

    private static final EvalConfig D = EvalConfig.defaults();

    @Test
    void defaultsFollowTheSpecAndTheBrief() {
        assertThat(D.featureSet()).isEqualTo(FeatureSet.GLOBAL);
        assertThat(D.bnBatches()).isEqualTo(50); // spec §6.2
        assertThat(D.knn().kValues()).containsExactly(20, 200);
        assertThat(D.knn().temperature()).isEqualTo(0.07);
        assertThat(D.valFraction()).isEqualTo(0.1);
        assertThat(D.labelFractions()).containsExactly(LabelFraction.ALL);
    }

    @Test
    void probeSeedsAreDrawnFromTheMasterSeed() {
        long[] seeds = D.withSeeds(4, 11).probeSeeds();
        assertThat(seeds).hasSize(4).doesNotHaveDuplicates();
        assertThat(seeds).isEqualTo(D.withSeeds(4, 11).probeSeeds());
        assertThat(Arrays.equals(seeds, D.withSeeds(4, 12).probeSeeds())).isFalse();
    }

    @Test
    void rejectsBadOptionsByName() {
        assertThatThrownBy(() -> D.withProtocols(List.of())).hasMessageContaining("protocols");
        assertThatThrownBy(() -> D.withProtocols(List.of(EvalConfig.Protocol.KNN, EvalConfig.Protocol.KNN)))
                .hasMessageContaining("repeats");
        assertThatThrownBy(() -> D.withSeeds(0, 1)).hasMessageContaining("seeds");
        assertThatThrownBy(() -> D.withLabelFractions(List.of())).hasMessageContaining("labelFractions");
        assertThatThrownBy(() -> D.withLabelFractions(List.of(LabelFraction.ALL, LabelFraction.of(1.0))))
                .hasMessageContaining("repeats");
        assertThatThrownBy(() -> D.withBnBatches(-1)).hasMessageContaining("bnBatches");
        assertThatThrownBy(() -> new EvalConfig(D.protocols(), D.featureSet(), 1, 0, D.labelFractions(), 1.0, 0,
                D.linear(), D.mlp(), D.knn(), D.precision())).hasMessageContaining("valFraction");
    }

    @Test
    void roundTripsThroughJson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        EvalConfig config = D.withFeatureSet(FeatureSet.MULTISCALE)
                .withLabelFractions(List.of(LabelFraction.of(0.01), LabelFraction.ALL))
                .withProtocols(List.of(EvalConfig.Protocol.MLP, EvalConfig.Protocol.LINEAR));
        String json = mapper.writeValueAsString(config);
        assertThat(json).contains("\"featureSet\":\"r1+r5avg+r7avg\"").contains("\"labelFractions\":[0.01,1.0]");
        assertThat(mapper.readValue(json, EvalConfig.class)).isEqualTo(config);
    }
}
