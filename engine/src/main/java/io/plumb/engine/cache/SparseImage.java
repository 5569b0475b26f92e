package io.plumb.engine.cache;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * {@code SparseImage} is how the cache stores an image: without its runs of zero bytes. A migrated dev database's
 * image is mostly zeros (SQLite gives every table and index at least one page of 4 KiB, which an empty table barely
 * uses: the 200-file directory of {@code bench/run tests} ends with 645 pages, 2.6 MB, of which 76 KB are not zero),
 * so that writing, hashing and reading an entry costs a few percent of what the whole image would.
 *
 * <p>The encoding is a sequence of segments, each a zero run's length and a literal's length (both unsigned LEB128
 * varints) followed by the literal's bytes; only runs of at least {@value #MIN_RUN} zeros are left out. Decoding
 * checks that the segments fill the image's length exactly.
 */
final class SparseImage {

    /** Shorter runs of zeros stay in their literal: a segment's two varints would cost about as much. */
    static final int MIN_RUN = 32;

    private static final byte[] ZEROS = new byte[4096];

    private SparseImage() {}

    /** Returns an image without its runs of zeros. */
    static byte[] encode(byte[] image) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, image.length / 16));
        int pos = 0;
        while (pos < image.length) {
            int zeros = zeroRun(image, pos);
            if (zeros < MIN_RUN && pos + zeros < image.length) {
                zeros = 0;
            }
            int literal = pos + zeros;
            int end = nextRun(image, literal);
            writeVarint(out, zeros);
            writeVarint(out, end - literal);
            out.write(image, literal, end - literal);
            pos = end;
        }
        return out.toByteArray();
    }

    /**
     * Returns the image an encoding holds.
     *
     * @throws IllegalArgumentException when the segments do not fill {@code length} bytes exactly
     */
    static byte[] decode(byte[] encoded, int offset, int count, int length) {
        byte[] image = new byte[length];
        int[] at = {offset};
        int end = offset + count;
        int pos = 0;
        while (at[0] < end) {
            int zeros = readVarint(encoded, at, end);
            int literal = readVarint(encoded, at, end);
            if (zeros > length - pos || literal > length - pos - zeros || literal > end - at[0]) {
                throw new IllegalArgumentException("a segment overruns the image");
            }
            pos += zeros;
            System.arraycopy(encoded, at[0], image, pos, literal);
            at[0] += literal;
            pos += literal;
        }
        if (pos != length) {
            throw new IllegalArgumentException("the segments hold " + pos + " of " + length + " bytes");
        }
        return image;
    }

    // The number of zero bytes from pos on, compared a block at a time (Arrays.mismatch is vectorized).
    private static int zeroRun(byte[] image, int pos) {
        int at = pos;
        while (at < image.length) {
            int block = Math.min(ZEROS.length, image.length - at);
            int mismatch = Arrays.mismatch(image, at, at + block, ZEROS, 0, block);
            if (mismatch >= 0) {
                return at + mismatch - pos;
            }
            at += block;
        }
        return image.length - pos;
    }

    // Where the next run of at least MIN_RUN zeros starts at or after from, or the image's end.
    private static int nextRun(byte[] image, int from) {
        int zeros = 0;
        for (int i = from; i < image.length; i++) {
            if (image[i] != 0) {
                zeros = 0;
            } else if (++zeros == MIN_RUN) {
                return i + 1 - MIN_RUN;
            }
        }
        return image.length;
    }

    private static void writeVarint(ByteArrayOutputStream out, int value) {
        int rest = value;
        while ((rest & ~0x7F) != 0) {
            out.write((rest & 0x7F) | 0x80);
            rest >>>= 7;
        }
        out.write(rest);
    }

    private static int readVarint(byte[] bytes, int[] at, int end) {
        int value = 0;
        for (int shift = 0; shift < 32; shift += 7) {
            if (at[0] >= end) {
                throw new IllegalArgumentException("a segment is cut short");
            }
            byte next = bytes[at[0]++];
            value |= (next & 0x7F) << shift;
            if ((next & 0x80) == 0) {
                if (value < 0) {
                    throw new IllegalArgumentException("a segment's length is out of range");
                }
                return value;
            }
        }
        throw new IllegalArgumentException("a segment's length is out of range");
    }
}
