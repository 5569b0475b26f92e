package io.plumb.engine.migrate;

/** {@code TxModes} resolves a file's transaction mode from the run's mode and the file's {@code atlas:txmode}. */
final class TxModes {

    private TxModes() {}

    /**
     * Returns the mode a file runs in: its directive's, else the run's.
     *
     * @throws MigrateException when the directive is unknown, or differs from a run-wide {@code all}
     */
    static TxMode effective(TxMode run, MigrationScript script) {
        if (script.directives().txMode().isEmpty()) {
            return run;
        }
        String name = script.directives().txMode().get();
        TxMode directive;
        try {
            directive = TxMode.parse(name);
        } catch (IllegalArgumentException e) {
            throw new MigrateException(
                    script.file().name() + ": unknown atlas:txmode \"" + name + "\": expected none or file", e);
        }
        if (directive == TxMode.ALL) {
            throw new MigrateException(
                    script.file().name() + ": atlas:txmode all is not allowed in a file: expected none or file");
        }
        if (run == TxMode.ALL && directive != TxMode.ALL) {
            // The reference tool's words: --tx-mode all runs every file in one transaction.
            throw new MigrateException("cannot set txmode directive to \"" + name + "\" in \""
                    + script.file().name() + "\" when txmode \"all\" is set globally");
        }
        return directive;
    }
}
