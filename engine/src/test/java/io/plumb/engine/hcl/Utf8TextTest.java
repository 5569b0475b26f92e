package io.plumb.engine.hcl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Utf8TextTest {

    @Test
    void aByteThatIsNotUtf8IsAnErrorAtItsLineAndColumn(@TempDir Path dir) throws Exception {
        byte[] head = "schema \"main\" {}\ntable \"é\" { x = \"".getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[head.length + 3];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xC3;
        bytes[head.length + 1] = (byte) 0x28;
        bytes[head.length + 2] = '"';
        Path file = Files.write(dir.resolve("bad.hcl"), bytes);

        assertThatThrownBy(() -> Utf8Text.read(file, "bad.hcl"))
                .isInstanceOf(HclException.class)
                .hasMessage("bad.hcl:2:18: not UTF-8 text (byte 0xc3)");
        assertThatThrownBy(() -> Hcl.parseFile(file)).hasMessageEndingWith("bad.hcl:2:18: not UTF-8 text (byte 0xc3)");
    }

    @Test
    void validTextIsDecoded() {
        assertThat(Utf8Text.decode("a\né😀".getBytes(StandardCharsets.UTF_8), "f"))
                .isEqualTo("a\né😀");
        assertThatThrownBy(() -> Utf8Text.decode(new byte[] {'a', (byte) 0xF0, (byte) 0x9F}, "f"))
                .hasMessage("f:1:2: not UTF-8 text (byte 0xf0)");
    }
}
