package io.amdim4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A {@link ReplicaSync} that does what another one does and then, at the first update, writes every
 * trainable parameter's gradient (in {@link PretrainModel#trainableParameters} order, float32 in native
 * byte order) to a file: the gradient Adam is about to apply.
 */
final class GradientCapture implements ReplicaSync {

    private final ReplicaSync inner;
    private final PretrainModel model;
    private final Path file;
    private boolean written;

    GradientCapture(ReplicaSync inner, PretrainModel model, Path file) {
        this.inner = inner;
        this.model = model;
        this.file = file;
    }

    @Override
    public StepResult average(StepResult local) {
        return inner.average(local);
    }

    @Override
    public void averageGradients() {
        inner.averageGradients();
        if (!written) {
            written = true;
            try {
                Files.write(file, bytes());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private byte[] bytes() {
        var out = new java.io.ByteArrayOutputStream();
        for (Parameter p : model.trainableParameters().values()) {
            try (NDArray g = p.getArray().getGradient()) {
                ByteBuffer b = g.toByteBuffer();
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                out.writeBytes(copy);
            }
        }
        return out.toByteArray();
    }

    /** What {@link #averageGradients} wrote. */
    static float[] read(Path file) throws IOException {
        var floats = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[] out = new float[floats.remaining()];
        floats.get(out);
        return out;
    }
}
