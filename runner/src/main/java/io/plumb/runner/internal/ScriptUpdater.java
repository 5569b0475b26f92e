package io.plumb.runner.internal;

import io.plumb.runner.AtomicFile;
import io.plumb.runner.ScriptFailure;
import io.plumb.txtar.Archive;
import io.plumb.txtar.ArchiveFile;
import io.plumb.txtar.Txtar;
import io.plumb.txtar.TxtarException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A {@code ScriptUpdater} writes back the archive of a script whose {@code cmp}s failed in update mode: each
 * compared archive file gets the actual content, quoted when it holds a marker line, and the archive is rewritten
 * atomically in txtar's canonical form.
 */
final class ScriptUpdater {
    private final ScriptState ts;
    private final Archive archive;

    ScriptUpdater(ScriptState ts, Archive archive) {
        this.ts = ts;
        this.archive = archive;
    }

    void apply() {
        Map<String, String> updates = ts.updates();
        if (updates.isEmpty()) {
            return;
        }
        List<ArchiveFile> files = new ArrayList<>();
        for (ArchiveFile file : archive.files()) {
            String content = updates.get(file.name());
            files.add(content == null ? file : new ArchiveFile(file.name(), quoteIfNeeded(file.name(), content)));
        }
        String text = Txtar.format(new Archive(archive.comment(), files));
        Path target = ts.scriptFile().toAbsolutePath();
        try {
            AtomicFile.write(target, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ScriptFailure(ScriptState.describe("cannot update script: write " + target, e), e);
        }
        ts.log(ts.scriptFile() + " updated");
    }

    private static String quoteIfNeeded(String name, String content) {
        if (!Txtar.needsQuote(content)) {
            return content;
        }
        try {
            return Txtar.quote(content);
        } catch (TxtarException e) {
            throw new ScriptFailure("cannot update script file " + GoQuote.quote(name) + ": " + e.getMessage(), e);
        }
    }
}
