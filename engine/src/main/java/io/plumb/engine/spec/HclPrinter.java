package io.plumb.engine.spec;

import java.util.List;

/**
 * An {@code HclPrinter} prints HCL items the way {@code hclwrite.Format} lays them out: two-space indentation, no
 * blank lines, and the {@code =} of consecutive single-line attributes aligned.
 */
public final class HclPrinter {

    private static final String INDENT = "  ";

    private HclPrinter() {}

    /** Returns the text of top-level items, ending with a single newline when not empty. */
    public static String print(List<HclItem> items) {
        StringBuilder out = new StringBuilder();
        body(items, 0, out);
        return out.toString();
    }

    private static void body(List<HclItem> items, int depth, StringBuilder out) {
        String indent = INDENT.repeat(depth);
        int i = 0;
        while (i < items.size()) {
            if (items.get(i) instanceof HclItem.Block block) {
                out.append(indent).append(block.type());
                block.labels().forEach(label -> out.append(' ').append(HclSyntax.quote(label)));
                out.append(" {\n");
                body(block.body(), depth + 1, out);
                out.append(indent).append("}\n");
                i++;
                continue;
            }
            // hclwrite aligns the "=" of a run of attribute lines; any other line, such as a block's, ends the run.
            int end = i;
            int width = 0;
            while (end < items.size() && items.get(end) instanceof HclItem.Attr attr) {
                width = Math.max(width, attr.name().length());
                end++;
            }
            for (HclItem item : items.subList(i, end)) {
                HclItem.Attr attr = (HclItem.Attr) item;
                out.append(indent).append(attr.name());
                out.append(" ".repeat(width - attr.name().length()));
                // The lines after the first of a heredoc are indented as the attribute is; <<- strips it again.
                out.append(" = ")
                        .append(attr.expression().replace("\n", "\n" + indent))
                        .append('\n');
            }
            i = end;
        }
    }
}
