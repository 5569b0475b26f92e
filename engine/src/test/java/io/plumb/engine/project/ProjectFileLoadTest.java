package io.plumb.engine.project;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectFileLoadTest {

    @TempDir
    Path dir;

    @Test
    void aMissingProjectFileIsNamed() {
        assertThatThrownBy(() -> ProjectFile.load(dir.resolve("atlas.hcl"), "atlas.hcl", Map.of(), name -> null, ""))
                .isInstanceOf(ProjectException.class)
                .hasMessage("config file \"atlas.hcl\" was not found");
    }

    @Test
    void aDirectoryInPlaceOfTheProjectFileIsToldApartFromAMissingFile() throws IOException {
        Path directory = Files.createDirectory(dir.resolve("atlas.hcl"));

        assertThatThrownBy(() -> ProjectFile.load(directory, "atlas.hcl", Map.of(), name -> null, ""))
                .isInstanceOf(ProjectException.class)
                .hasMessage("config file \"atlas.hcl\" is a directory, not a file");
    }
}
