package io.plumb.engine.project;

import io.plumb.engine.hcl.Value;

final class CompositeSource {
    private CompositeSource() {}

    static Value resolve(DataBlock block) {
        throw block.error("not supported yet");
    }
}
