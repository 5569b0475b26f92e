package io.plumb.engine.project;

import io.plumb.engine.hcl.Value;
import java.nio.file.Path;

final class TemplateDirSource {
    private final Path directory;

    TemplateDirSource(Path directory) {
        this.directory = directory;
    }

    Value resolve(DataBlock block) {
        throw block.error("not supported yet " + directory);
    }
}
