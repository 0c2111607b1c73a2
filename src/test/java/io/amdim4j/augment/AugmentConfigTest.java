package io.amdim4j.augment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class AugmentConfigTest {

    @Test
    void cifarPresetFollowsSpec() {
        AugmentConfig c = AugmentConfig.cifar32();
        assertThat(c.size()).isEqualTo(32);
        assertThat(c.channels()).isEqualTo(3);
        assertThat(c.flip()).isTrue();
        assertThat(c.translate()).isEqualTo(new ReflectTranslate(0.8, 4));
        assertThat(c.crop()).isNull();
        assertThat(c.jitter()).isEqualTo(new ColorJitter(0.8, 0.4, 0.4, 0.4, 0.2));
        assertThat(c.grayscale()).isEqualTo(new Grayscale(0.25));
        assertThat(c.lighting().alphaStd()).isZero();
        assertThat(c.normalize()).isEqualTo(Normalize.cifar());
        assertThat(c.testResize()).isZero();
    }

    @Test
    void stlAndImagenetPresetsFollowSpec() {
        AugmentConfig s = AugmentConfig.stl64();
        assertThat(s.crop()).isEqualTo(new RandomResizedCrop(64, 0.3, 1.0, 0.7, 1.4));
        assertThat(s.jitter().hue()).isEqualTo(0.2);
        assertThat(s.testResize()).isEqualTo(70);
        assertThat(s.normalize()).isEqualTo(Normalize.stl());

        AugmentConfig i = AugmentConfig.imagenet128();
        assertThat(i.crop()).isEqualTo(new RandomResizedCrop(128, 0.2, 0.9, 0.7, 1.4));
        assertThat(i.lighting().alphaStd()).isEqualTo(0.1);
        assertThat(i.jitter()).isEqualTo(new ColorJitter(0.8, 0.4, 0.4, 0.4, 0.1));
        assertThat(i.testResize()).isEqualTo(146);
        assertThat(i.normalize()).isEqualTo(Normalize.imagenet());

        AugmentConfig r = AugmentConfig.imagenet128Reference();
        assertThat(r.crop()).isEqualTo(new RandomResizedCrop(128, 0.3, 1.0, 0.7, 1.4));
        assertThat(r.lighting().alphaStd()).isZero();
    }

    @Test
    void gray28PresetFollowsSpec() {
        AugmentConfig g = AugmentConfig.gray28();
        assertThat(g.size()).isEqualTo(32);
        assertThat(g.channels()).isEqualTo(1);
        assertThat(g.padding()).isEqualTo(2);
        assertThat(g.translate()).isEqualTo(new ReflectTranslate(0.8, 4));
        assertThat(g.jitter()).isEqualTo(new ColorJitter(0.8, 0.4, 0.4, 0, 0));
        assertThat(g.normalize()).isEqualTo(Normalize.gray28());
        assertThat(g.withFlip(false).flip()).isFalse();
        assertThat(g.withChannels(3).channels()).isEqualTo(3);
        assertThat(g.withChannels(3).workChannels()).isEqualTo(1);
    }

    @Test
    void lookupByFamilyAndName() {
        assertThat(AugmentConfig.forFamily(32, 3)).isEqualTo(AugmentConfig.cifar32());
        assertThat(AugmentConfig.forFamily(32, 1)).isEqualTo(AugmentConfig.gray28());
        assertThat(AugmentConfig.forFamily(64, 3)).isEqualTo(AugmentConfig.stl64());
        assertThat(AugmentConfig.forFamily(128, 3)).isEqualTo(AugmentConfig.imagenet128());
        assertThatThrownBy(() -> AugmentConfig.forFamily(96, 3)).hasMessageContaining("96 px");
        assertThat(AugmentConfig.named("imagenet128-reference")).isEqualTo(AugmentConfig.imagenet128Reference());
        assertThatThrownBy(() -> AugmentConfig.named("mnist")).hasMessageContaining("'mnist'");
    }

    @Test
    void validationNamesTheBadOption() {
        AugmentConfig c = AugmentConfig.cifar32();
        assertThatThrownBy(() -> c.withChannels(2)).hasMessageContaining("channels");
        assertThatThrownBy(() -> new AugmentConfig("x", 32, 3, true, c.translate(), RandomResizedCrop.standard(32),
                c.jitter(), c.grayscale(), c.lighting(), c.normalize(), 0, 0, false))
                .hasMessageContaining("exactly one of translate");
        assertThatThrownBy(() -> new AugmentConfig("x", 64, 3, true, null, RandomResizedCrop.standard(32),
                c.jitter(), c.grayscale(), c.lighting(), c.normalize(), 70, 0, false))
                .hasMessageContaining("crop size");
        assertThatThrownBy(() -> new AugmentConfig("x", 64, 3, true, null, RandomResizedCrop.standard(64),
                c.jitter(), c.grayscale(), c.lighting(), c.normalize(), 60, 0, false))
                .hasMessageContaining("testResize");
        assertThatThrownBy(() -> AugmentConfig.cifar32().withChannels(1)).hasMessageContaining("channels 1");
        assertThatThrownBy(() -> AugmentConfig.stl64().withResizeInput(true)).hasMessageContaining("resizeInput");
        assertThatThrownBy(() -> new AugmentConfig("x", 32, 1, true, c.translate(), null, c.jitter(),
                c.grayscale(), new Lighting(0.1), Normalize.gray28(), 0, 0, false))
                .hasMessageContaining("lighting");
        assertThatThrownBy(() -> new AugmentConfig("x", 32, 1, true, c.translate(), null, c.jitter(),
                c.grayscale(), c.lighting(), Normalize.gray28(), 0, 16, false))
                .hasMessageContaining("padding");
    }

    @Test
    void roundTripsThroughJsonForRunProvenance() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        for (AugmentConfig c : new AugmentConfig[] {AugmentConfig.cifar32(), AugmentConfig.imagenet128(),
                AugmentConfig.gray28().withChannels(3).withFlip(false)}) {
            String json = mapper.writeValueAsString(c);
            assertThat(json).doesNotContain("workChannels");
            assertThat(mapper.readValue(json, AugmentConfig.class)).isEqualTo(c);
        }
    }
}
