package dev.scimbridge.session;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class RecordCodecTest {
    static final AccountKeys KEYS = new AccountKeys(SessionCryptoTest.filled(0x11), SessionCryptoTest.filled(0x22));
    static final byte[] RECORD = "{\"userName\":\"alice\"}".getBytes(StandardCharsets.UTF_8);
    static final String KEY = "scim:{acct}:user:42";

    @Test
    void sealKnownAnswer() {
        RecordCodec codec = new RecordCodec(KEYS, new FixedRandom(7));
        assertEquals("01070707070707070707070707ab1879cb96cb1940d7c4fa6bf513a728bfcd55602d1591590e489133c79a2cbb72bd58d5",
                HexFormat.of().formatHex(codec.seal(KEY, RECORD)));
    }

    @Test
    void blindIndexKnownAnswer() {
        assertEquals("U6hV7FXZzrwtWjLLISPHux_73SeMkSq9LWt_DzsFPLo", new RecordCodec(KEYS).blindIndex("alice@example.com"));
    }

    @Test
    void roundTripWithFreshIvs() {
        RecordCodec codec = new RecordCodec(KEYS);
        byte[] a = codec.seal(KEY, RECORD);
        byte[] b = codec.seal(KEY, RECORD);
        assertNotEquals(HexFormat.of().formatHex(a), HexFormat.of().formatHex(b));
        assertArrayEquals(RECORD, codec.open(KEY, a));
        assertArrayEquals(RECORD, codec.open(KEY, b));
        assertArrayEquals(new byte[0], codec.open(KEY, codec.seal(KEY, new byte[0])));
    }

    @Test
    void aRecordMovedToAnotherKeyDoesNotOpen() {
        RecordCodec codec = new RecordCodec(KEYS);
        byte[] sealed = codec.seal(KEY, RECORD);
        assertThrows(RecordCodec.RecordIntegrityException.class, () -> codec.open("scim:{acct}:user:43", sealed));
    }

    @Test
    void tamperedOrForeignRecordsDoNotOpen() {
        RecordCodec codec = new RecordCodec(KEYS);
        byte[] sealed = codec.seal(KEY, RECORD);
        for (int i = 0; i < sealed.length; i++) {
            byte[] t = sealed.clone();
            t[i] ^= 0x40;
            assertThrows(RecordCodec.RecordIntegrityException.class, () -> codec.open(KEY, t), "byte " + i);
        }
        RecordCodec other = new RecordCodec(AccountKeys.generate(new SecureRandom()));
        assertThrows(RecordCodec.RecordIntegrityException.class, () -> other.open(KEY, sealed));
        assertThrows(RecordCodec.RecordIntegrityException.class, () -> codec.open(KEY, new byte[5]));
        assertThrows(RecordCodec.RecordIntegrityException.class, () -> codec.open(KEY, null));
    }

    @Test
    void blindIndexIsDeterministicPerKeyAndUnpadded() {
        RecordCodec codec = new RecordCodec(KEYS);
        assertEquals(codec.blindIndex("bob"), codec.blindIndex("bob"));
        assertNotEquals(codec.blindIndex("bob"), codec.blindIndex("Bob"));
        assertEquals(43, codec.blindIndex("").length());
        assertNotEquals(codec.blindIndex("bob"), new RecordCodec(AccountKeys.generate(new SecureRandom())).blindIndex("bob"));
    }
}
