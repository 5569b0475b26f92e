package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import javax.xml.stream.XMLStreamException;
import org.junit.jupiter.api.Test;

class IoErrorsTest {

    @Test
    void aFullDiskUnderAnXmlWriterIsSaidInWords() {
        // What the JDK's XML writer throws when the disk is full.
        XMLStreamException full = new XMLStreamException(new IOException("No space left on device"));

        assertThat(IoErrors.reason(full)).isEqualTo("no space left on device");
    }

    @Test
    void fileSystemErrorsGiveTheirReasonWithoutThePathOrClass() {
        assertThat(IoErrors.reason(new FileSystemException("/r.xml", null, "Read-only file system")))
                .isEqualTo("read-only file system");
        assertThat(IoErrors.reason(new AccessDeniedException("/r.xml"))).isEqualTo("permission denied");
        assertThat(IoErrors.reason(new IOException("java.io.IOException: Input/output error")))
                .isEqualTo("input/output error");
        assertThat(IoErrors.reason(new IOException((String) null))).isEqualTo("input/output error");
    }
}
