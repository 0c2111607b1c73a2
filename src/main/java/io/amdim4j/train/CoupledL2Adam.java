package io.amdim4j.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Adam with coupled L2 weight decay as the reference uses it (spec §7): g ← g + wd·θ before
 * the moment updates (not AdamW), bias correction, and ε added to √v̂ after the correction.
 * Written here rather than using DJL's Adam because the moments must be checkpointed and ε's
 * placement must match the spec.
 */
public final class CoupledL2Adam implements AutoCloseable {

    private final OptimConfig config;
    private final NDManager stateManager;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();
    private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
    private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
    private long step;

    /**
     * @param config hyper-parameters
     * @param parameters every trainable parameter, by a unique stable name
     * @param manager parent manager for the moment arrays
     */
    public CoupledL2Adam(OptimConfig config, Map<String, Parameter> parameters, NDManager manager) {
        this.config = config;
        this.stateManager = manager.newSubManager();
        this.parameters.putAll(parameters);
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray w = e.getValue().getArray();
            firstMoments.put(e.getKey(), stateManager.zeros(w.getShape(), w.getDataType()));
            secondMoments.put(e.getKey(), stateManager.zeros(w.getShape(), w.getDataType()));
        }
    }

    /** Updates done so far (t). */
    long step() {
        return step;
    }

    /** Applies one update with learning rate {@code lr} to every parameter, then zeroes the gradients. */
    public void update(double lr) {
        step++;
        double bc1 = 1 - Math.pow(config.beta1(), step);
        double bc2 = 1 - Math.pow(config.beta2(), step);
        float b1 = (float) config.beta1();
        float b2 = (float) config.beta2();
        for (Map.Entry<String, Parameter> e : parameters.entrySet()) {
            NDArray w = e.getValue().getArray();
            NDArray m = firstMoments.get(e.getKey());
            NDArray v = secondMoments.get(e.getKey());
            try (NDManager scope = stateManager.newSubManager()) {
                // getGradient() wraps the native gradient anew on every call: own the wrapper here
                NDArray rawGrad = w.getGradient();
                rawGrad.attach(scope);
                scope.tempAttachAll(w, m, v);
                NDArray g = config.weightDecay() == 0 ? rawGrad : rawGrad.add(w.mul((float) config.weightDecay()));
                m.muli(b1).addi(g.mul(1 - b1));
                v.muli(b2).addi(g.square().muli(1 - b2));
                NDArray denom = v.div((float) bc2).sqrt().addi((float) config.eps());
                w.subi(m.div(denom).muli((float) (lr / bc1)));
                // PyTorch accumulates gradients across backward passes; the next step starts from 0
                rawGrad.muli(0);
            }
        }
    }

    /** Moments and step, named {@code m/<param>} and {@code v/<param>}, for a checkpoint. */
    NDList state(NDManager manager) {
        NDList out = new NDList();
        for (String name : parameters.keySet()) {
            NDArray m = firstMoments.get(name).duplicate();
            m.attach(manager);
            m.setName("m/" + name);
            NDArray v = secondMoments.get(name).duplicate();
            v.attach(manager);
            v.setName("v/" + name);
            out.add(m);
            out.add(v);
        }
        NDArray t = manager.create(new long[] {step});
        t.setName("step");
        out.add(t);
        return out;
    }

    /** Restores what {@link #state} wrote; every parameter's moments must be present and fit. */
    void loadState(NDList state, String source) {
        Map<String, NDArray> byName = new LinkedHashMap<>();
        for (NDArray a : state) {
            byName.put(a.getName(), a);
        }
        NDArray t = byName.get("step");
        if (t == null) {
            throw new IllegalArgumentException(source + ": optimiser state has no step counter");
        }
        for (String name : parameters.keySet()) {
            for (String kind : List.of("m/", "v/")) {
                NDArray saved = byName.get(kind + name);
                NDArray target = (kind.equals("m/") ? firstMoments : secondMoments).get(name);
                if (saved == null || !saved.getShape().equals(target.getShape())) {
                    throw new IllegalArgumentException(source + ": optimiser state for " + kind + name
                            + (saved == null ? " is missing" : " has shape " + saved.getShape()
                                    + ", expected " + target.getShape()));
                }
                target.set(saved.toType(target.getDataType(), false).toByteBuffer());
            }
        }
        step = t.toLongArray()[0];
    }

    @Override
    public void close() {
        stateManager.close();
    }
}
