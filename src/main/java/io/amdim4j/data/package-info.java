/**
 * Reading datasets: IDX (MNIST, Fashion-MNIST), CIFAR-10/100 binaries, STL-10 binaries, image
 * folders and tar archives of them, each read lazily and each error naming the file; splits, seeded
 * shuffling and the per-purpose random streams derived from the data seed. Depends on the JDK and
 * commons-compress only.
 *
 * <p>API: {@link io.amdim4j.data.DataConfig}, {@link io.amdim4j.data.DatasetSpec},
 * {@link io.amdim4j.data.DatasetFormat} and {@link io.amdim4j.data.Split}. The other public types are internal: public only because another amdim4j package calls them, and they may change without notice.
 */
package io.amdim4j.data;
