package io.plumb.runner.internal;

/** Temporary: replaced by the anchored diff. */
final class UnifiedDiff {
    private UnifiedDiff() {}

    static String diff(String oldName, String oldText, String newName, String newText) {
        if (oldText.equals(newText)) {
            return "";
        }
        return "diff " + oldName + " " + newName + "\n--- " + oldName + "\n+++ " + newName + "\n";
    }
}
