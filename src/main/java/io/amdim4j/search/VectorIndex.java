package io.amdim4j.search;

import io.amdim4j.report.EmbeddingIndex;
import io.amdim4j.report.Embeddings;
import io.amdim4j.run.IoErrors;
import io.amdim4j.run.OutputDirectory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.apache.lucene.codecs.CodecUtil;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.CorruptIndexException;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.FloatVectorValues;
import org.apache.lucene.index.IndexFileNames;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.VectorSimilarityFunction;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.KnnFloatVectorQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;

/**
 * An HNSW index of embedding vectors under cosine similarity, one Lucene document per matrix row
 * with the row's dataset position, label and class name stored beside it.
 *
 * <p>Lucene scores cosine as {@code (1 + cos) / 2} so that scores are non-negative; {@link Neighbour}
 * carries the cosine itself, the number users compare with {@code --threshold}.
 */
public final class VectorIndex implements AutoCloseable {

    static final String VECTOR = "vector";
    static final String ROW = "row";
    static final String INDEX = "index";
    static final String LABEL = "label";
    static final String CLASS_NAME = "class_name";

    /** Lucene's HNSW graphs take at most this many dimensions. */
    static final int MAX_DIMENSION = 1024;

    private final IndexManifest manifest;
    private final Directory directory;
    private final DirectoryReader reader;
    private final IndexSearcher searcher;

    private VectorIndex(IndexManifest manifest, Directory directory, DirectoryReader reader) {
        this.manifest = manifest;
        this.directory = directory;
        this.reader = reader;
        this.searcher = new IndexSearcher(reader);
    }

    /**
     * Builds an index of every row of an {@code amdim embed} output.
     *
     * @param embeddings the vectors and their index.csv
     * @param out directory to create; must not exist or be empty
     * @param hnsw graph parameters
     * @return the manifest written beside the index
     * @throws IOException if {@code out} is not empty, a row is all zeros (it has no cosine), or the
     *     dimension exceeds what Lucene's graph takes
     */
    public static IndexManifest build(Embeddings embeddings, Path out, HnswSettings hnsw) throws IOException {
        int d = embeddings.matrix().dimension();
        if (d > MAX_DIMENSION) {
            throw new IOException(embeddings.dir() + ": vectors have " + d + " dimensions; the HNSW index takes at most "
                    + MAX_DIMENSION + " (embed r1, not a flattened r5/r7 map)");
        }
        OutputDirectory.requireNewOrEmpty(out, "the index");
        boolean created = !Files.exists(out);
        Files.createDirectories(out);
        boolean built = false;
        try {
            IndexManifest manifest = write(embeddings, out, hnsw);
            built = true;
            return manifest;
        } catch (IOException e) {
            throw IoErrors.naming(out, e); // a full disk: Lucene's write names no file
        } finally {
            if (!built) {
                // out was new or empty: what the failed build wrote (zero-byte files, write.lock) would
                // only make the retry refuse it as "not empty"
                OutputDirectory.removeContents(out, created);
            }
        }
    }

    private static IndexManifest write(Embeddings embeddings, Path out, HnswSettings hnsw) throws IOException {
        int d = embeddings.matrix().dimension();
        IndexWriterConfig config = new IndexWriterConfig().setCodec(codec(hnsw))
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256); // fewer flushed segments: the graph is built once per segment
        try (Directory dir = FSDirectory.open(out); IndexWriter writer = new IndexWriter(dir, config)) {
            List<EmbeddingIndex.Entry> entries = embeddings.index().entries();
            for (int r = 0; r < embeddings.matrix().rows(); r++) {
                float[] vector = embeddings.matrix().row(r);
                if (isZero(vector)) {
                    throw new IOException(embeddings.dir() + ": row " + r + " is all zeros and has no cosine similarity");
                }
                writer.addDocument(document(entries.get(r), vector));
            }
            writer.forceMerge(1); // one graph: a query visits one segment instead of one per flush
            writer.commit();
        }
        IndexManifest manifest = new IndexManifest(IndexManifest.FORMAT_VERSION, embeddings.matrix().rows(), d,
                IndexManifest.COSINE, hnsw.maxConnections(), hnsw.beamWidth(), embeddings.dir().toString());
        manifest.write(out);
        return manifest;
    }

    /**
     * Opens an index built by {@link #build}; close it to release the files.
     *
     * @param dir the index directory
     * @return the open index
     * @throws IOException if {@code dir} is not such an index (the message names it)
     */
    public static VectorIndex open(Path dir) throws IOException {
        IndexManifest manifest = IndexManifest.read(dir);
        Directory directory = FSDirectory.open(dir);
        try {
            verify(dir, directory);
            DirectoryReader reader = DirectoryReader.open(directory);
            if (reader.numDocs() != manifest.rows()) {
                reader.close();
                throw new IOException(dir + ": " + IndexManifest.FILE + " lists " + manifest.rows() + " rows but the index holds "
                        + reader.numDocs());
            }
            return new VectorIndex(manifest, directory, reader);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    /**
     * Lucene's checksums of every file of the index's commit, read in full: a damaged file is refused by
     * name here instead of answering queries wrongly (Lucene itself checks only headers and footers on
     * opening). Costs one sequential read of the index, about the time of the page cache warming it.
     */
    private static void verify(Path dir, Directory directory) throws IOException {
        String[] names = directory.listAll();
        String commitPoint = SegmentInfos.getLastCommitSegmentsFileName(names);
        if (commitPoint == null) {
            throw new IOException(dir + " is not a complete index: it has no Lucene commit (segments_N file);"
                    + " rebuild it with amdim index");
        }
        Collection<String> files;
        try {
            files = SegmentInfos.readLatestCommit(directory).files(true);
        } catch (IOException | RuntimeException e) {
            // the commit point or a segment's description (.si) is unreadable: name the first that fails
            String culprit = Arrays.stream(names)
                    .filter(n -> n.startsWith(IndexFileNames.SEGMENTS) || n.endsWith(".si"))
                    .filter(n -> !checksumMatches(directory, n)).findFirst().orElse(commitPoint);
            throw damaged(dir.resolve(culprit), e);
        }
        for (String name : files) {
            try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
                CodecUtil.checksumEntireFile(in);
            } catch (IOException e) {
                throw damaged(dir.resolve(name), e);
            }
        }
    }

    private static boolean checksumMatches(Directory directory, String name) {
        try (IndexInput in = directory.openInput(name, IOContext.READONCE)) {
            CodecUtil.checksumEntireFile(in);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static IOException damaged(Path file, Exception cause) {
        String what = cause instanceof NoSuchFileException || cause instanceof java.io.FileNotFoundException
                ? "is missing"
                : "is damaged: its Lucene checksum does not match its contents"
                        + (cause instanceof CorruptIndexException c ? " (" + c.getOriginalMessage() + ")" : "");
        return new IOException("index file " + file + " " + what + "; rebuild the index with amdim index", cause);
    }

    /**
     * What {@code index.json} records: rows, dimension, metric, graph settings and the source export.
     *
     * @return the manifest read on opening
     */
    public IndexManifest manifest() {
        return manifest;
    }

    /**
     * The {@code k} approximate nearest rows to {@code query}, most similar first.
     *
     * @param query a vector of the index's dimension
     * @param k how many results
     * @param candidates how many candidates the graph search keeps (efSearch); raised to {@code k}
     *     when smaller
     * @return at most {@code k} rows with their cosine similarity
     * @throws IOException if the index cannot be read
     * @throws IllegalArgumentException if the query's dimension differs or {@code k} &lt; 1
     */
    public List<Neighbour> search(float[] query, int k, int candidates) throws IOException {
        requireDimension(query);
        if (k < 1) {
            throw new IllegalArgumentException("-k must be at least 1, got " + k);
        }
        int ef = Math.max(k, candidates);
        TopDocs top = searcher.search(new KnnFloatVectorQuery(VECTOR, query, ef), ef);
        StoredFields stored = searcher.storedFields();
        List<Neighbour> hits = new ArrayList<>(Math.min(k, top.scoreDocs.length));
        for (ScoreDoc hit : top.scoreDocs) {
            if (hits.size() == k) {
                break;
            }
            hits.add(neighbour(stored.document(hit.doc), 2.0 * hit.score - 1.0));
        }
        return hits;
    }

    /**
     * The stored vector of matrix row {@code row}.
     *
     * @param row a row of the embedded matrix, in [0, rows)
     * @return a copy of its vector
     * @throws IOException if the index cannot be read or has no vector for the row
     * @throws IllegalArgumentException if the row is outside the index
     */
    public float[] vector(int row) throws IOException {
        int doc = docOf(row);
        LeafReaderContext leaf = reader.leaves().get(ReaderUtil.subIndex(doc, reader.leaves()));
        FloatVectorValues values = leaf.reader().getFloatVectorValues(VECTOR);
        int local = doc - leaf.docBase;
        if (values == null || values.advance(local) != local) {
            throw new IOException("row " + row + " has no stored vector");
        }
        return values.vectorValue().clone();
    }

    /**
     * What the index stores about row {@code row} (dataset position, label, class name), as a
     * neighbour of itself (cosine 1).
     *
     * @param row a row of the embedded matrix, in [0, rows)
     * @return the row's stored fields
     * @throws IOException if the index cannot be read or lacks the row
     * @throws IllegalArgumentException if the row is outside the index
     */
    public Neighbour describe(int row) throws IOException {
        return neighbour(searcher.storedFields().document(docOf(row)), 1.0);
    }

    private int docOf(int row) throws IOException {
        if (row < 0 || row >= manifest.rows()) {
            throw new IllegalArgumentException("--row " + row + " is outside the index's rows [0, " + manifest.rows() + ")");
        }
        TopDocs found = searcher.search(IntField.newExactQuery(ROW, row), 1);
        if (found.scoreDocs.length == 0) {
            throw new IOException("the index has no row " + row);
        }
        return found.scoreDocs[0].doc;
    }

    /** Checks that a query vector fits this index, naming both dimensions when it does not. */
    void requireDimension(float[] query) {
        Objects.requireNonNull(query, "query");
        if (query.length != manifest.dimension()) {
            throw new IllegalArgumentException("the query has " + query.length + " dimensions but the index holds "
                    + manifest.dimension() + "-dimensional vectors (built from " + manifest.embeddings()
                    + "): embed queries with the encoder and output that made the index");
        }
    }

    @Override
    public void close() throws IOException {
        try (directory) {
            reader.close();
        }
    }

    private static Document document(EmbeddingIndex.Entry entry, float[] vector) {
        Document doc = new Document();
        doc.add(new KnnFloatVectorField(VECTOR, vector, VectorSimilarityFunction.COSINE));
        doc.add(new IntField(ROW, entry.row(), Field.Store.YES));
        doc.add(new StoredField(INDEX, entry.index()));
        doc.add(new StoredField(LABEL, entry.label()));
        doc.add(new StoredField(CLASS_NAME, entry.className()));
        return doc;
    }

    private static Neighbour neighbour(Document doc, double cosine) {
        return new Neighbour(intField(doc, ROW), intField(doc, INDEX), intField(doc, LABEL), doc.get(CLASS_NAME), cosine);
    }

    private static int intField(Document doc, String name) {
        return doc.getField(name).numericValue().intValue();
    }

    /** Lucene's current codec with the graph parameters set for the vector field. */
    private static Lucene912Codec codec(HnswSettings hnsw) {
        KnnVectorsFormat format = new Lucene99HnswVectorsFormat(hnsw.maxConnections(), hnsw.beamWidth());
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return format;
            }
        };
    }

    private static boolean isZero(float[] vector) {
        for (float v : vector) {
            if (v != 0f) {
                return false;
            }
        }
        return true;
    }
}
