package io.mlops.util;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void writeCreatesTheDirectoryAndReplacesAnExistingFile() throws IOException {
        var target = dir.resolve("a/b/lineage.json");
        AtomicFiles.write(target, "old".getBytes(StandardCharsets.UTF_8));
        AtomicFiles.write(target, "new".getBytes(StandardCharsets.UTF_8));

        assertThat(target).hasContent("new");
        assertThat(Files.list(target.getParent())).containsExactly(target);
    }

    @Test
    void aStreamThatFailsHalfwayLeavesTheOldFileAndNoTemporaryOne() throws IOException {
        var target = dir.resolve("model.bin");
        Files.writeString(target, "old");
        InputStream failing = new InputStream() {
            private int served;

            @Override
            public int read() throws IOException {
                if (served++ < 10) {
                    return 'x';
                }
                throw new IOException("connection reset");
            }
        };

        assertThatThrownBy(() -> AtomicFiles.copy(failing, target)).hasMessage("connection reset");
        assertThat(target).hasContent("old");
        assertThat(Files.list(dir)).containsExactly(target);
    }

    @Test
    void copiesAFileAndAStream() throws IOException {
        var source = dir.resolve("source.txt");
        Files.writeString(source, "payload");
        AtomicFiles.copy(source, dir.resolve("copy.txt"));
        AtomicFiles.copy(new ByteArrayInputStream("streamed".getBytes(StandardCharsets.UTF_8)),
                dir.resolve("stream.txt"));

        assertThat(dir.resolve("copy.txt")).hasContent("payload");
        assertThat(dir.resolve("stream.txt")).hasContent("streamed");
    }

    @Test
    void theFileIsReadableByOthersAsTheUmaskAllows() throws IOException {
        var target = dir.resolve("report.json");
        AtomicFiles.write(target, new byte[] {'{', '}'});
        var plain = dir.resolve("plain.json");
        Files.write(plain, new byte[] {'{', '}'});

        // same permissions as a file written in place: not the owner-only ones of Files.createTempFile
        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(plain))
                .contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
    }
}
