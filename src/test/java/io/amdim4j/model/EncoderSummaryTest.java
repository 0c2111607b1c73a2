package io.amdim4j.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Shapes, receptive fields and parameter counts by arithmetic (spec §2.3, §2.5); no engine. */
class EncoderSummaryTest {

    @ParameterizedTest(name = "F={0} R={1} d={2}")
    @CsvSource({
        "128, 1024, 3, 15832576, 4200448, 20033024",
        "128, 1024, 10, 27760128, 4200448, 31960576",
        "256, 2048, 10, 111029248, 16789504, 127818752",
        "320, 1280, 10, 153816320, 9838080, 163654400"
    })
    void countsMatchSpecTable(int f, int r, int d, long trunk, long heads, long total) {
        EncoderSummary summary = EncoderSummary.of(new EncoderConfig(32, 3, f, r, d, false));
        assertThat(summary.trunkParameters()).isEqualTo(trunk);
        assertThat(summary.headsParameters()).isEqualTo(heads);
        assertThat(summary.encoderParameters()).isEqualTo(total);
    }

    @ParameterizedTest(name = "F={0} R={1} d={2} C_in={3}")
    @CsvSource({"8, 32, 1, 3", "8, 64, 2, 1", "16, 100, 4, 3", "128, 1024, 3, 1", "64, 300, 7, 3"})
    void countsMatchClosedFormOfSection25(long f, long r, long d, long cIn) {
        EncoderSummary summary =
                EncoderSummary.of(new EncoderConfig(32, (int) cIn, (int) f, (int) r, (int) d, false));
        long trunk = (9 * cIn + 1) * f + f * f * (406 + 104 * (d - 1)) + 36 * f * r + r * r + 2 * r;
        long heads = 2 * (8 * f * r + r * r + 3 * r);
        assertThat(summary.trunkParameters()).isEqualTo(trunk);
        assertThat(summary.headsParameters()).isEqualTo(heads);
        EncoderSummary withBn =
                EncoderSummary.of(new EncoderConfig(32, (int) cIn, (int) f, (int) r, (int) d, true));
        // spec §2.5: use_bn adds 10F + 28Fd + 2R to the trunk and 2R per head
        assertThat(withBn.trunkParameters() - trunk).isEqualTo(10 * f + 28 * f * d + 2 * r);
        assertThat(withBn.headsParameters() - heads).isEqualTo(4 * r);
    }

    @Test
    void perLayerCountsOfTheDefault() {
        List<LayerSummary> rows = EncoderSummary.of(EncoderConfig.defaults(32)).rows();
        assertThat(rows).extracting(LayerSummary::parameters)
                .containsExactly(
                        3_584L, 32_768L, 851_968L, 1_835_008L, 3_670_016L, 3_670_016L,
                        5_767_168L, 2_048L, 2_100_224L, 2_100_224L);
    }

    @Test
    void variantsOfTheDefault() {
        EncoderConfig base = EncoderConfig.defaults(32);
        assertThat(EncoderSummary.of(base.withNumChannels(1)).encoderParameters())
                .isEqualTo(20_030_720L);
        assertThat(EncoderSummary.of(base.withUseBn(true)).encoderParameters())
                .isEqualTo(20_051_200L);
    }

    /** Rows {K, C, side, RF, stride} of the 32-px table of spec §2.3 (K = -5/-7 for φ5/φ7). */
    @Test
    void table32px() {
        assertTable(
                new EncoderConfig(32, 3, 8, 64, 2, true),
                new int[][] {
                    {0, 8, 30, 3, 1}, {1, 8, 30, 3, 1}, {2, 16, 14, 6, 2}, {3, 32, 7, 8, 4},
                    {4, 32, 7, 8, 4}, {5, 32, 5, 16, 4}, {6, 32, 3, 24, 4}, {7, 64, 1, 32, 4},
                    {8, 64, 1, 32, 4}, {-5, 64, 5, 16, 4}, {-7, 64, 7, 8, 4}
                });
    }

    @Test
    void table64px() {
        assertTable(
                new EncoderConfig(64, 3, 8, 64, 2, true),
                new int[][] {
                    {0, 8, 62, 3, 1}, {1, 16, 30, 6, 2}, {2, 32, 14, 12, 4}, {3, 64, 7, 16, 8},
                    {4, 64, 7, 16, 8}, {5, 64, 5, 32, 8}, {6, 64, 3, 48, 8}, {7, 64, 1, 64, 8},
                    {8, 64, 1, 64, 8}, {-5, 64, 5, 32, 8}, {-7, 64, 7, 16, 8}
                });
    }

    @Test
    void table128px() {
        assertTable(
                new EncoderConfig(128, 3, 4, 32, 1, true),
                new int[][] {
                    {0, 4, 64, 5, 2}, {1, 4, 62, 9, 2}, {2, 8, 30, 15, 4}, {3, 16, 14, 27, 8},
                    {4, 32, 7, 35, 16}, {5, 32, 7, 35, 16}, {6, 32, 5, 67, 16},
                    {7, 32, 3, 99, 16}, {8, 32, 1, 131, 16}, {9, 32, 1, 131, 16},
                    {-5, 32, 5, 67, 16}, {-7, 32, 7, 35, 16}
                });
    }

    @Test
    void withoutBnTheOptionalLayerHasNoRowAndTap7MovesToTheBlockBefore() {
        List<LayerSummary> rows = EncoderSummary.of(EncoderConfig.defaults(32)).rows();
        assertThat(rows).hasSize(10);
        assertThat(rows).noneMatch(r -> r.name().startsWith("layer_list.4"));
        assertThat(rows.get(3).name()).startsWith("layer_list.3 ").endsWith("-> tap7");
        assertThat(rows.get(4).name()).startsWith("layer_list.5 ").endsWith("-> tap5");
        assertThat(rows.get(7).name()).startsWith("layer_list.8 ").endsWith("-> r1");
        assertThat(rows.get(8).name()).startsWith(EncoderSummary.HEAD5_NAME);
        assertThat(rows.get(9).name()).startsWith(EncoderSummary.HEAD7_NAME);
    }

    @Test
    void layerSummaryIsImmutableAndComparesShapesByValue() {
        long[] shape = {3, 2, 2};
        LayerSummary row = new LayerSummary("x", shape, 3, 1, 7);
        shape[0] = 99;
        row.outShape()[1] = 99;
        assertThat(row.outShape()).containsExactly(3, 2, 2);
        assertThat(row).isEqualTo(new LayerSummary("x", new long[] {3, 2, 2}, 3, 1, 7));
        assertThat(row).isNotEqualTo(new LayerSummary("x", new long[] {3, 2, 1}, 3, 1, 7));
    }

    private static void assertTable(EncoderConfig config, int[][] expected) {
        List<LayerSummary> rows = EncoderSummary.of(config).rows();
        assertThat(rows).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            int[] e = expected[i];
            LayerSummary row = rows.get(i);
            String prefix =
                    e[0] == -5
                            ? EncoderSummary.HEAD5_NAME
                            : e[0] == -7 ? EncoderSummary.HEAD7_NAME : "layer_list." + e[0] + " ";
            assertThat(row.name()).as("row %d", i).startsWith(prefix);
            assertThat(row.outShape()).as(row.name()).containsExactly(e[1], e[2], e[2]);
            assertThat(row.receptiveField()).as(row.name()).isEqualTo(e[3]);
            assertThat(row.stride()).as(row.name()).isEqualTo(e[4]);
        }
    }
}
