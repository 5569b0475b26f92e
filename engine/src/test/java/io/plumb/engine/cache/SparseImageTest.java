package io.plumb.engine.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SparseImageTest {

    private static byte[] roundTrip(byte[] image) {
        byte[] encoded = SparseImage.encode(image);
        return SparseImage.decode(encoded, 0, encoded.length, image.length);
    }

    @Test
    void imagesOfEveryShapeComeBackByteForByte() {
        Random random = new Random(42);
        for (int round = 0; round < 500; round++) {
            byte[] image = new byte[random.nextInt(20_000)];
            // Stretches of zeros of every length around the threshold, between stretches of data.
            int pos = 0;
            while (pos < image.length) {
                int stretch = Math.min(image.length - pos, 1 + random.nextInt(random.nextBoolean() ? 70 : 5000));
                if (random.nextBoolean()) {
                    for (int i = pos; i < pos + stretch; i++) {
                        image[i] = (byte) (1 + random.nextInt(255));
                    }
                }
                pos += stretch;
            }
            assertThat(roundTrip(image)).as("round %d", round).isEqualTo(image);
        }
        assertThat(roundTrip(new byte[0])).isEmpty();
        assertThat(roundTrip(new byte[1])).containsExactly(0);
        assertThat(roundTrip(new byte[100_000])).isEqualTo(new byte[100_000]);
    }

    @Test
    void onlyRunsOfAtLeastTheThresholdAreLeftOut() {
        byte[] ones = new byte[1000];
        Arrays.fill(ones, (byte) 1);
        byte[] shortGap = ones.clone();
        Arrays.fill(shortGap, 400, 400 + SparseImage.MIN_RUN - 1, (byte) 0);
        // One segment: a zero run of 0 (one byte), a literal of 1,000 (two bytes), the literal.
        assertThat(SparseImage.encode(shortGap)).hasSize(1003);
        byte[] longGap = ones.clone();
        Arrays.fill(longGap, 400, 900, (byte) 0);
        // Two segments: 400 bytes, then 500 zeros (two bytes) and 100 bytes.
        assertThat(SparseImage.encode(longGap)).hasSize(3 + 400 + 3 + 100);
        assertThat(SparseImage.encode(new byte[1 << 20])).hasSize(4);
    }

    @Test
    void anEncodingThatDoesNotFillItsLengthIsRefused() {
        byte[] image = new byte[5000];
        Arrays.fill(image, 1000, 1100, (byte) 7);
        byte[] encoded = SparseImage.encode(image);
        assertThatThrownBy(() -> SparseImage.decode(encoded, 0, encoded.length, 5001))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the segments hold 5000 of 5001 bytes");
        assertThatThrownBy(() -> SparseImage.decode(encoded, 0, encoded.length, 4000))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a segment overruns the image");
        assertThatThrownBy(() -> SparseImage.decode(encoded, 0, encoded.length - 1, 5000))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] endless = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0};
        assertThatThrownBy(() -> SparseImage.decode(endless, 0, endless.length, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a segment's length is out of range");
    }
}
