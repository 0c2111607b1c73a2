package io.amdim4j.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * The non-linear branch K2(ReLU(BN?(K1(x)))) that a residual unit and an embedding head (spec §2.2,
 * §2.3) both add to their shortcut. The blocks own these children under their reference names;
 * this only runs and initialises them in order.
 *
 * @param k1 the first convolution
 * @param bn the batch norm after K1, or null without {@code use_bn}
 * @param k2 the 1×1 convolution, zero-initialised
 */
record ResidualBranch(Conv2d k1, BatchNorm bn, Conv2d k2) {

    NDArray apply(ParameterStore parameterStore, NDArray x, boolean training, PairList<String, Object> params) {
        NDArray h = CheckedBlock.apply(k1, parameterStore, x, training, params);
        if (bn != null) {
            h = CheckedBlock.apply(bn, parameterStore, h, training, params);
        }
        return CheckedBlock.apply(k2, parameterStore, Activation.relu(h), training, params);
    }

    void initialize(NDManager manager, DataType dataType, Shape in) {
        k1.initialize(manager, dataType, in);
        Shape hidden = k1.getOutputShapes(new Shape[] {in})[0];
        if (bn != null) {
            bn.initialize(manager, dataType, hidden);
        }
        k2.initialize(manager, dataType, hidden);
    }
}
