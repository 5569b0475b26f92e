package io.plumb.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A {@code CheckedWriter} is a standard output or error writer that remembers why a write failed. A {@link
 * PrintWriter} (and {@code System.out}) swallows write errors, so {@code plumb schema inspect > file} on a full disk
 * would exit 0 with a truncated file; {@link Plumb} asks every writer of the run whether it failed ({@link
 * PrintWriter#checkError}) and, for this one, can say why.
 */
final class CheckedWriter extends PrintWriter {
    private final Recorder recorder;

    private CheckedWriter(Recorder recorder) {
        super(recorder, true);
        this.recorder = recorder;
    }

    /** Returns a writer on {@code out} in {@code charset}, flushed at every line. */
    static CheckedWriter of(OutputStream out, Charset charset) {
        return new CheckedWriter(new Recorder(new OutputStreamWriter(out, charset)));
    }

    /** Returns the first error a write or flush met, if any. */
    Optional<IOException> failure() {
        return Optional.ofNullable(recorder.failure);
    }

    /** Returns why a writer failed, as one line without the exception's class name. */
    static String reason(PrintWriter writer) {
        if (writer instanceof CheckedWriter checked) {
            Optional<IOException> failure = checked.failure();
            if (failure.isPresent() && failure.get().getMessage() != null) {
                return failure.get().getMessage();
            }
        }
        return "write error";
    }

    /** Passes writes on and keeps the first exception; later writes after a failure are dropped, not retried. */
    private static final class Recorder extends Writer {
        private final Writer out;
        private @Nullable IOException failure;

        Recorder(Writer out) {
            this.out = out;
        }

        @Override
        public void write(char[] chars, int offset, int length) throws IOException {
            check();
            try {
                out.write(chars, offset, length);
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void flush() throws IOException {
            check();
            try {
                out.flush();
            } catch (IOException e) {
                throw record(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                out.close();
            } catch (IOException e) {
                throw record(e);
            }
        }

        private void check() throws IOException {
            IOException failed = failure;
            if (failed != null) {
                throw failed;
            }
        }

        private IOException record(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }
    }
}
