package dev.scimbridge.scim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.stream.JsonGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Utf8WriterTest {

    /** Every split of the text into two chunks encodes as the whole text does. */
    @ParameterizedTest
    @ValueSource(strings = {"", "bjensen@example.com", "Zoë Ångström", "王小明", "a😀b", "😀😀", "€\u0000\u007f\u0080\u07ff\u0800\uffff"})
    void encodesEverySplitAsUtf8(String text) throws IOException {
        char[] chars = text.toCharArray();
        for (int split = 0; split <= chars.length; split++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (Writer writer = new Utf8Writer(out)) {
                writer.write(chars, 0, split);
                writer.write(chars, split, chars.length - split);
            }
            assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray(), "split at " + split);
        }
    }

    @Test
    void encodesOneCharacterAtATime() throws IOException {
        String text = "x😀é中😀";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new Utf8Writer(out)) {
            for (char c : text.toCharArray()) {
                writer.write(new char[] {'-', c, '-'}, 1, 1);
            }
        }
        assertArrayEquals(text.getBytes(StandardCharsets.UTF_8), out.toByteArray());
    }

    /** Lone surrogates are replaced as OutputStreamWriter replaces them, at the end and inside a chunk. */
    @ParameterizedTest
    @ValueSource(strings = {"a\ud83d", "\ud83d", "a\ude00b", "a\ud83db"})
    void replacesLoneSurrogatesAsOutputStreamWriterDoes(String text) throws IOException {
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (Writer writer = new OutputStreamWriter(expected, StandardCharsets.UTF_8)) {
            writer.write(text);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Writer writer = new Utf8Writer(out)) {
            writer.write(text);
        }
        assertArrayEquals(expected.toByteArray(), out.toByteArray());
    }

    @Test
    void flushesAndClosesTheStream() throws IOException {
        int[] flushes = {0};
        boolean[] closed = {false};
        OutputStream out = new ByteArrayOutputStream() {
            @Override
            public void flush() {
                flushes[0]++;
            }

            @Override
            public void close() {
                closed[0] = true;
            }
        };
        Writer writer = new Utf8Writer(out);
        writer.flush();
        writer.close();
        assertEquals(1, flushes[0]);
        assertTrue(closed[0]);
    }

    /** A generated document larger than the generator's buffer, with pairs across its chunk boundaries, reads back. */
    @Test
    void generatorOutputLargerThanItsBufferReadsBack() {
        String value = "😀é".repeat(5_000) + "x";
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.createGenerator(out)) {
            json.writeStartObject().write("odd", "a").write("displayName", value).writeEnd();
        }
        try (JsonReader reader = Json.createReader(new java.io.ByteArrayInputStream(out.toByteArray()))) {
            JsonObject read = reader.readObject();
            assertEquals(value, read.getString("displayName"));
        }
        assertEquals("{\"odd\":\"a\",\"displayName\":\"" + value + "\"}", out.toString(StandardCharsets.UTF_8));
    }
}
