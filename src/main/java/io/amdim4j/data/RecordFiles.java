package io.amdim4j.data;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixed-size records spread over one or more memory-mapped files, addressed by one global index
 * (CIFAR's five training batches read as one sequence). Every file length must be a multiple of
 * the record size, since a partial last record means the file was cut short.
 */
final class RecordFiles {

    private final List<MappedFile> files;
    private final int recordBytes;
    /** {@code firstRecord[f]} is the global index of file f's first record; one extra entry holds the total. */
    private final int[] firstRecord;

    private RecordFiles(List<MappedFile> files, int recordBytes, int[] firstRecord) {
        this.files = files;
        this.recordBytes = recordBytes;
        this.firstRecord = firstRecord;
    }

    static RecordFiles map(List<Path> paths, int recordBytes) {
        return map(paths, recordBytes, MappedFile.DEFAULT_CHUNK_BYTES);
    }

    static RecordFiles map(List<Path> paths, int recordBytes, int chunkBytes) {
        List<MappedFile> files = new ArrayList<>(paths.size());
        int[] firstRecord = new int[paths.size() + 1];
        long total = 0;
        for (int f = 0; f < paths.size(); f++) {
            MappedFile file = MappedFile.map(paths.get(f), chunkBytes);
            if (file.length() % recordBytes != 0) {
                throw new DatasetException(file.path(), "truncated or wrong size: " + file.length()
                        + " bytes is not a multiple of the " + recordBytes + "-byte record ("
                        + file.length() / recordBytes + " whole records and " + file.length() % recordBytes
                        + " bytes left over)");
            }
            if (file.length() == 0) {
                throw new DatasetException(file.path(), "is empty");
            }
            files.add(file);
            firstRecord[f] = (int) total;
            total += file.length() / recordBytes;
            if (total > Integer.MAX_VALUE) {
                throw new DatasetException(file.path(), "more than " + Integer.MAX_VALUE + " records in total");
            }
        }
        firstRecord[paths.size()] = (int) total;
        return new RecordFiles(List.copyOf(files), recordBytes, firstRecord);
    }

    int count() {
        return firstRecord[files.size()];
    }

    int recordBytes() {
        return recordBytes;
    }

    /** Copies bytes {@code [from, from + dst.length)} of record {@code record} into {@code dst}. */
    void read(int record, int from, byte[] dst) {
        int f = fileOf(record);
        long position = (long) (record - firstRecord[f]) * recordBytes + from;
        files.get(f).read(position, dst, 0, dst.length);
    }

    /** Unsigned byte {@code at} of record {@code record}. */
    int readUnsigned(int record, int at) {
        int f = fileOf(record);
        return files.get(f).readUnsigned((long) (record - firstRecord[f]) * recordBytes + at);
    }

    /** The file that holds {@code record}, for error messages. */
    Path pathOf(int record) {
        return files.get(fileOf(record)).path();
    }

    /** Index of the file holding {@code record} (record - firstRecord[f] in [0, records of f)). */
    int recordInFile(int record) {
        return record - firstRecord[fileOf(record)];
    }

    private int fileOf(int record) {
        if (record < 0 || record >= count()) {
            throw new IndexOutOfBoundsException("record " + record + " outside [0, " + count() + ")");
        }
        int f = 0;
        while (record >= firstRecord[f + 1]) {
            f++;
        }
        return f;
    }
}
