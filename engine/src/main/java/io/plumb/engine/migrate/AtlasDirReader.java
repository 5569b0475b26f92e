package io.plumb.engine.migrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An {@code AtlasDirReader} reads the top-level {@code *.sql} files of a directory in byte-wise name order, each
 * named {@code VERSION[_DESCRIPTION].sql}: the atlas format, and Liquibase formatted SQL changelogs, which the
 * reference reads the same way (their {@code --changeset} and {@code --rollback} lines are comments). A Liquibase
 * directory with a master changelog in XML, YAML or JSON at its top is read through it instead ({@link
 * LiquibaseChangelog}).
 */
final class AtlasDirReader implements DirReader {

    private final boolean liquibase;

    AtlasDirReader(boolean liquibase) {
        this.liquibase = liquibase;
    }

    @Override
    public List<MigrationFile> read(DirFormat format, Path root, String display) {
        List<MigrationFile> files = new ArrayList<>();
        if (liquibase) {
            Optional<String> master = LiquibaseChangelog.master(root, display);
            if (master.isPresent()) {
                return LiquibaseChangelog.read(format, root, display, master.get());
            }
        }
        for (String name : DirListing.topLevel(root, display, ".sql")) {
            MigrationFile atlas = new MigrationFile(name, DirListing.read(root, display, name));
            files.add(
                    liquibase
                            ? new MigrationFile(name, atlas.content(), format, atlas.version(), atlas.description())
                            : atlas);
        }
        return files;
    }

    @Override
    public java.util.Optional<MigrationScript> script(MigrationFile file, ScannerOptions options) {
        return liquibase ? LiquibaseScript.parse(file, options) : java.util.Optional.empty();
    }
}
