package io.plumb.engine.hcl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ProjectEnvBlocks} keeps, of a project file's {@code env} blocks, those the selected environment may be, as the
 * reference reads a project file before evaluating it: the blocks labelled with its name, else the unlabelled ones
 * whose {@code name} reads {@code atlas.env}. Other envs are not evaluated at all, so that what they use (a data
 * source, a file, a variable) cannot fail the selected one. With no environment selected no env block is kept.
 */
public final class ProjectEnvBlocks {

    private ProjectEnvBlocks() {}

    /** Returns the file with only the env blocks that may be the selected environment ({@code ""} for none). */
    public static HclFile select(HclFile file, String env) {
        List<BlockNode> labelled = new ArrayList<>();
        List<BlockNode> unlabelled = new ArrayList<>();
        List<BlockNode> others = new ArrayList<>();
        for (BlockNode block : file.body().blocks()) {
            if (!block.type().equals("env")) {
                others.add(block);
            } else if (env.isEmpty()) {
                continue;
            } else if (block.labels().size() == 1 && block.labels().get(0).equals(env)) {
                labelled.add(block);
            } else if (block.labels().isEmpty() && readsAtlasEnv(block)) {
                unlabelled.add(block);
            }
        }
        List<BlockNode> kept = new ArrayList<>(others);
        kept.addAll(labelled.isEmpty() ? unlabelled : labelled);
        return new HclFile(file.name(), file.path(), new Body(file.body().attributes(), kept));
    }

    private static boolean readsAtlasEnv(BlockNode block) {
        Optional<AttributeNode> name = block.body().attributes().stream()
                .filter(a -> a.name().equals("name"))
                .findFirst();
        return name.isPresent() && DataReferences.reads(name.get().expression(), "atlas", "env");
    }
}
