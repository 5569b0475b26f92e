package io.plumb.engine.migrate;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An {@code AtlasDirReader} reads the top-level {@code *.sql} files of a directory in byte-wise name order, each
 * named {@code VERSION[_DESCRIPTION].sql}: the atlas format, and Liquibase formatted SQL changelogs, which the
 * reference reads the same way (their {@code --changeset} and {@code --rollback} lines are comments).
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
            DirListing.refuse(
                    root,
                    display,
                    List.of(".xml", ".yaml", ".yml", ".json"),
                    name -> true,
                    "Liquibase changelog in XML, YAML or JSON: plumb reads formatted SQL changelogs (--liquibase"
                            + " formatted sql) only, in the order of their names; it neither runs this file's changesets nor"
                            + " follows its includes");
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
