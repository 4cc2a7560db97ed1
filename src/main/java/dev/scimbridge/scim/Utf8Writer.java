package dev.scimbridge.scim;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A {@link Writer} that encodes UTF-8 (RFC 8259 §8.1) into an {@link OutputStream} one chunk at a time, for
 * the JSON generator, which buffers the characters itself. It replaces {@code OutputStreamWriter}, whose
 * encoder allocated an 8 KiB buffer for every response (a sixth of a filter request's garbage,
 * docs/benchmarks.md round 17). A surrogate pair split between two chunks is held back and encoded whole;
 * a lone surrogate becomes {@code ?}, as with {@code OutputStreamWriter}.
 */
final class Utf8Writer extends Writer {
    private final OutputStream out;
    /** The high surrogate that ended the last chunk, or 0. */
    private char pendingHigh;

    Utf8Writer(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        if (len == 0) {
            return;
        }
        char[] text = chars;
        int from = off;
        int to = off + len;
        if (pendingHigh != 0) {
            text = new char[len + 1];
            text[0] = pendingHigh;
            System.arraycopy(chars, off, text, 1, len);
            from = 0;
            to = len + 1;
            pendingHigh = 0;
        }
        if (Character.isHighSurrogate(text[to - 1])) {
            pendingHigh = text[--to];
        }
        encode(text, from, to);
    }

    private void encode(char[] text, int from, int to) throws IOException {
        int length = to - from;
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            char c = text[from + i];
            if (c >= 0x80) {
                out.write(new String(text, from, length).getBytes(StandardCharsets.UTF_8));
                return;
            }
            bytes[i] = (byte) c;
        }
        out.write(bytes);
    }

    @Override
    public void flush() throws IOException {
        out.flush();
    }

    @Override
    public void close() throws IOException {
        if (pendingHigh != 0) {
            pendingHigh = 0;
            out.write('?');
        }
        out.close();
    }
}
