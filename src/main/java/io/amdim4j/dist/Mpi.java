package io.amdim4j.dist;

import com.sun.jna.Library;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;

/**
 * The few MPI functions data-parallel training calls, bound to MPICH's {@code libmpich.so} by JNA.
 * MPICH's handles are plain integers (values from its {@code mpi.h}), so no C shim is compiled.
 * Every function returns MPI's error code ({@link #MPI_SUCCESS} on success) once
 * {@link #MPI_ERRORS_RETURN} is installed on {@link #MPI_COMM_WORLD}.
 */
interface Mpi extends Library {

    /** The library's name for {@code Native.load}: {@code libmpich.so}. */
    String LIBRARY = "mpich";

    int MPI_SUCCESS = 0;
    int MPI_COMM_WORLD = 0x44000000;
    int MPI_BYTE = 0x4c00010d;
    int MPI_FLOAT = 0x4c00040a;
    int MPI_DOUBLE = 0x4c00080b;
    int MPI_SUM = 0x58000003;
    int MPI_ERRORS_RETURN = 0x54000001;
    /** Only the thread that initialised MPI calls it (the training thread; loader threads never do). */
    int MPI_THREAD_FUNNELED = 1;
    /** {@code MPI_IN_PLACE} is the address -1; a 64-bit constant (the int overload would make it 0xffffffff). */
    Pointer MPI_IN_PLACE = Pointer.createConstant(-1L);

    int MPI_Init_thread(Pointer argc, Pointer argv, int required, IntByReference provided);

    int MPI_Comm_set_errhandler(int comm, int errhandler);

    int MPI_Comm_rank(int comm, IntByReference rank);

    int MPI_Comm_size(int comm, IntByReference size);

    int MPI_Allreduce(Pointer sendbuf, Pointer recvbuf, int count, int datatype, int op, int comm);

    int MPI_Bcast(Pointer buffer, int count, int datatype, int root, int comm);

    int MPI_Barrier(int comm);

    int MPI_Abort(int comm, int errorcode);

    int MPI_Finalize();
}
