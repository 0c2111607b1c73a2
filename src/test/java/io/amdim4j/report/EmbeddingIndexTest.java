package io.amdim4j.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EmbeddingIndexTest {

    @TempDir
    Path tmp;

    @Test
    void readsQuotedClassNamesAndUnlabelledRows() throws IOException {
        Path csv = tmp.resolve("index.csv");
        Files.writeString(csv, "row,index,label,class_name\n0,17,1,T-shirt/top\n1,3,0,\"a, \"\"b\"\"\"\n"
                + "2,99,-1,\n3,4,1,T-shirt/top\n");
        EmbeddingIndex index = EmbeddingIndex.read(csv);
        assertThat(index.size()).isEqualTo(4);
        assertThat(index.entries().get(1)).isEqualTo(new EmbeddingIndex.Entry(1, 3, 0, "a, \"b\""));
        assertThat(index.labels()).containsExactly(1, 0, -1, 1);
        assertThat(index.classNames()).isEqualTo(Map.of(0, "a, \"b\"", 1, "T-shirt/top"));
    }

    @Test
    void malformedLinesNameTheFileAndLine() throws IOException {
        Path csv = tmp.resolve("index.csv");
        Files.writeString(csv, "row,index,label,class_name\n0,1,2,x\n2,1,2,x\n");
        assertThatThrownBy(() -> EmbeddingIndex.read(csv)).isInstanceOf(IOException.class)
                .hasMessageContaining(csv + " line 3 is row 2, expected row 1");
        Files.writeString(csv, "row,index,label,class_name\n0,1,x,y\n");
        assertThatThrownBy(() -> EmbeddingIndex.read(csv)).hasMessageContaining("line 2");
        Files.writeString(csv, "row,index,label,class_name\n0,1,2\n");
        assertThatThrownBy(() -> EmbeddingIndex.read(csv)).hasMessageContaining("3 fields");
        Files.writeString(csv, "a,b\n");
        assertThatThrownBy(() -> EmbeddingIndex.read(csv)).hasMessageContaining("header");
    }

    @Test
    void embeddingsAndIndexMustAgreeOnTheRowCount() throws IOException {
        SyntheticRun.writeNpy(tmp.resolve("embeddings.npy"), new float[4], 2, 2);
        Files.writeString(tmp.resolve("index.csv"), "row,index,label,class_name\n0,0,0,a\n");
        assertThatThrownBy(() -> Embeddings.read(tmp)).isInstanceOf(IOException.class)
                .hasMessageContaining("2 rows but index.csv lists 1");
        Files.delete(tmp.resolve("index.csv"));
        assertThatThrownBy(() -> Embeddings.read(tmp)).hasMessageContaining("has no index.csv");
    }
}
