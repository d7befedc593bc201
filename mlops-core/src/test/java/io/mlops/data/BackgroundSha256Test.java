package io.mlops.data;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.security.MessageDigest;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class BackgroundSha256Test {
    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65_535, 65_536, 65_537, 1_000_003})
    void shouldComputeTheSameDigestAsMessageDigestWhateverTheChunks(final int size) throws Exception {
        var bytes = new byte[size];
        var random = new Random(size);
        random.nextBytes(bytes);

        byte[] digest;
        try (var sha = new BackgroundSha256()) {
            for (int offset = 0; offset < size; ) {
                int length = Math.min(size - offset, 1 + random.nextInt(200_000));
                sha.update(bytes, offset, length);
                offset += length;
            }
            digest = sha.digest();
        }

        assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
