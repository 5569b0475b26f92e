package io.plumb.engine.hcl;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * An {@code HclFile} is a parsed HCL file: its display name, its path on disk when it has one, and its body.
 *
 * @param name the display name used in positions
 * @param path the file on disk, against whose directory {@code file()} resolves; null for in-memory sources
 * @param body the top-level body
 */
public record HclFile(String name, @Nullable Path path, Body body) {}
