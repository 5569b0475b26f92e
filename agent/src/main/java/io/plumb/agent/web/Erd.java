package io.plumb.agent.web;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Erd} draws the tables of a {@link Realm} as an entity-relationship diagram in inline SVG: one box per
 * table with its columns and their primary- and foreign-key marks, one edge per foreign key, and the drifted tables
 * and columns highlighted. The layout is layered: tables that reference no other table stand in the first column,
 * and each other table one column right of the furthest table it references. The output depends only on the realm
 * and the drifted names, so the same input gives the same SVG, byte for byte.
 */
public final class Erd {

    static final String DRIFT_STROKE = "#cf222e";
    static final String DRIFT_FILL = "#ffebe9";

    private static final int HEADER = 26;
    private static final int ROW = 18;
    private static final int MARGIN = 20;
    private static final int LAYER_GAP = 90;
    private static final int BOX_GAP = 28;

    private Erd() {}

    /**
     * Returns the diagram as an {@code <svg>} element.
     *
     * @param realm the schema to draw
     * @param drifted the drifted objects by name, as {@link TargetDetail#driftedObjects()} describes
     */
    public static String svg(Realm realm, Set<String> drifted) {
        List<Node> nodes = nodes(realm, drifted);
        if (nodes.isEmpty()) {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"erd\" width=\"240\" height=\"40\">"
                    + "<text x=\"10\" y=\"25\" font-family=\"sans-serif\" font-size=\"13\">no tables</text></svg>";
        }
        Map<String, Node> byKey = new LinkedHashMap<>();
        nodes.forEach(n -> byKey.put(n.key, n));
        List<List<Node>> layers = layers(nodes, byKey);
        int width = place(layers);
        int height = 0;
        for (Node n : nodes) {
            height = Math.max(height, n.y + n.height());
        }
        width += MARGIN;
        height += MARGIN;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"erd\" role=\"img\"")
                .append(" aria-label=\"entity-relationship diagram\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" font-family=\"ui-monospace, monospace\" font-size=\"12\">\n");
        svg.append("<defs><marker id=\"erd-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\"")
                .append(" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\"")
                .append(" fill=\"#57606a\"/></marker></defs>\n");
        for (Node n : nodes) {
            edges(svg, n, byKey);
        }
        for (Node n : nodes) {
            box(svg, n);
        }
        svg.append("</svg>");
        return svg.toString();
    }

    /** A table to draw, with its place once laid out. */
    private static final class Node {
        final String key;
        final String label;
        final Table table;
        final String schema;
        final boolean drifted;
        final Set<String> driftedColumns;
        final int order;
        final int width;
        int layer = -1;
        int index = -1;
        double weight;
        int x;
        int y;

        Node(String schema, Table table, String label, boolean drifted, Set<String> driftedColumns, int order) {
            this.key = schema + "." + table.name();
            this.schema = schema;
            this.label = label;
            this.table = table;
            this.drifted = drifted;
            this.driftedColumns = driftedColumns;
            this.order = order;
            this.width = boxWidth(table, label);
        }

        int height() {
            return HEADER + Math.max(1, table.columns().size()) * ROW + 4;
        }

        int rowCenter(String column) {
            int index = 0;
            for (Column c : table.columns()) {
                if (c.name().equals(column)) {
                    return y + HEADER + index * ROW + ROW / 2;
                }
                index++;
            }
            return y + HEADER / 2;
        }
    }

    private static List<Node> nodes(Realm realm, Set<String> drifted) {
        boolean qualify = realm.schemas().size() > 1;
        List<Node> nodes = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            for (Table table : schema.tables()) {
                String qualified = schema.name() + "." + table.name();
                boolean tableDrifted = drifted.contains(table.name()) || drifted.contains(qualified);
                Set<String> columns = new HashSet<>();
                for (Column c : table.columns()) {
                    if (drifted.contains(table.name() + "." + c.name())
                            || drifted.contains(qualified + "." + c.name())) {
                        columns.add(c.name());
                    }
                }
                String label = qualify ? qualified : table.name();
                nodes.add(new Node(schema.name(), table, label, tableDrifted, columns, nodes.size()));
            }
        }
        return nodes;
    }

    private static List<List<Node>> layers(List<Node> nodes, Map<String, Node> byKey) {
        int count = 0;
        for (Node n : nodes) {
            count = Math.max(count, depth(n, byKey, new HashSet<>()) + 1);
        }
        List<List<Node>> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            layers.add(new ArrayList<>());
        }
        nodes.forEach(n -> layers.get(n.layer).add(n));
        // Within a layer, a table sits near the tables it references: sorted by the mean index of its parents.
        for (List<Node> current : layers) {
            for (Node n : current) {
                n.weight = parents(n, byKey).stream()
                        .filter(p -> p.index >= 0)
                        .mapToInt(p -> p.index)
                        .average()
                        .orElse(n.order);
            }
            current.sort(Comparator.comparingDouble((Node n) -> n.weight).thenComparingInt(n -> n.order));
            for (int i = 0; i < current.size(); i++) {
                current.get(i).index = i;
            }
        }
        return layers;
    }

    // The layer is one more than the deepest referenced table's; a reference back into a cycle counts for nothing.
    private static int depth(Node n, Map<String, Node> byKey, Set<Node> path) {
        if (n.layer >= 0) {
            return n.layer;
        }
        if (!path.add(n)) {
            return -1;
        }
        int deepest = -1;
        for (Node parent : parents(n, byKey)) {
            deepest = Math.max(deepest, depth(parent, byKey, path));
        }
        path.remove(n);
        n.layer = deepest + 1;
        return n.layer;
    }

    private static List<Node> parents(Node n, Map<String, Node> byKey) {
        List<Node> parents = new ArrayList<>();
        for (ForeignKey fk : n.table.foreignKeys()) {
            Node parent = byKey.get(fk.refSchema() + "." + fk.refTable());
            if (parent == null) {
                parent = byKey.get(n.schema + "." + fk.refTable());
            }
            if (parent != null && parent != n && !parents.contains(parent)) {
                parents.add(parent);
            }
        }
        return parents;
    }

    private static int place(List<List<Node>> layers) {
        int x = MARGIN;
        for (List<Node> layer : layers) {
            int y = MARGIN;
            int widest = 0;
            for (Node n : layer) {
                n.x = x;
                n.y = y;
                y += n.height() + BOX_GAP;
                widest = Math.max(widest, n.width);
            }
            x += widest + LAYER_GAP;
        }
        return x - LAYER_GAP;
    }

    private static void edges(StringBuilder svg, Node child, Map<String, Node> byKey) {
        for (ForeignKey fk : child.table.foreignKeys()) {
            Node parent = byKey.get(fk.refSchema() + "." + fk.refTable());
            if (parent == null) {
                parent = byKey.get(child.schema + "." + fk.refTable());
            }
            if (parent == null) {
                continue;
            }
            int y1 = child.rowCenter(fk.columns().isEmpty() ? "" : fk.columns().get(0));
            int y2 = parent.rowCenter(
                    fk.refColumns().isEmpty() ? "" : fk.refColumns().get(0));
            String d;
            if (parent.x + parent.width < child.x) {
                int x1 = child.x;
                int x2 = parent.x + parent.width;
                d = "M" + x1 + "," + y1 + " C" + (x1 - 45) + "," + y1 + " " + (x2 + 45) + "," + y2 + " " + x2 + ","
                        + y2;
            } else {
                // The same column (a cycle, or a table referencing itself): loop out to the right.
                int x1 = child.x + child.width;
                int x2 = parent.x + parent.width;
                int out = Math.max(x1, x2) + 40;
                d = "M" + x1 + "," + y1 + " C" + out + "," + y1 + " " + out + "," + y2 + " " + x2 + "," + y2;
            }
            svg.append("<path class=\"fk\" data-fk=\"")
                    .append(Html.escape(child.label + " -> " + parent.label))
                    .append("\" d=\"")
                    .append(d)
                    .append(
                            "\" fill=\"none\" stroke=\"#57606a\" stroke-width=\"1.3\" marker-end=\"url(#erd-arrow)\"/>\n");
        }
    }

    private static void box(StringBuilder svg, Node n) {
        String stroke = n.drifted ? DRIFT_STROKE : "#424a53";
        svg.append("<g class=\"table").append(n.drifted ? " drifted" : "").append("\" data-table=\"");
        svg.append(Html.escape(n.label)).append("\">\n");
        svg.append(rect(n.x, n.y, n.width, n.height(), "#ffffff", stroke, n.drifted ? 2.5 : 1.2, "box"));
        svg.append(rect(n.x, n.y, n.width, HEADER, n.drifted ? DRIFT_STROKE : "#24292f", stroke, 1.2, "header"));
        svg.append(text(n.x + 8, n.y + 17, "#ffffff", "bold", "start", n.label));
        Set<String> pk = primaryKey(n.table);
        Set<String> fk = new HashSet<>();
        n.table.foreignKeys().forEach(k -> fk.addAll(k.columns()));
        int y = n.y + HEADER;
        for (Column c : n.table.columns()) {
            boolean drifted = n.driftedColumns.contains(c.name());
            svg.append("<g class=\"column").append(drifted ? " drifted" : "").append("\" data-column=\"");
            svg.append(Html.escape(c.name())).append("\">");
            if (drifted) {
                svg.append(rect(n.x + 1, y, n.width - 2, ROW, DRIFT_FILL, DRIFT_STROKE, 1, "row"));
            }
            String mark = pk.contains(c.name()) ? "PK" : fk.contains(c.name()) ? "FK" : "";
            if (pk.contains(c.name()) && fk.contains(c.name())) {
                mark = "PF";
            }
            if (!mark.isEmpty()) {
                svg.append(text(n.x + 6, y + 13, "#8c959f", "bold", "start", mark));
            }
            svg.append(text(n.x + 28, y + 13, drifted ? DRIFT_STROKE : "#24292f", "normal", "start", c.name()));
            svg.append(text(n.x + n.width - 6, y + 13, "#57606a", "normal", "end", typeOf(c)));
            svg.append("</g>\n");
            y += ROW;
        }
        svg.append("</g>\n");
    }

    private static String rect(int x, int y, int w, int h, String fill, String stroke, double strokeWidth, String cls) {
        return "<rect class=\"" + cls + "\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h
                + "\" fill=\"" + fill + "\" stroke=\"" + stroke + "\" stroke-width=\"" + strokeWidth + "\"/>";
    }

    private static String text(int x, int y, String fill, String weight, String anchor, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" fill=\"" + fill + "\" font-weight=\"" + weight
                + "\" text-anchor=\"" + anchor + "\">" + Html.escape(content) + "</text>";
    }

    private static Set<String> primaryKey(Table table) {
        Set<String> columns = new HashSet<>();
        table.primaryKey().ifPresent(pk -> pk.parts().stream()
                .filter(p -> !p.isExpression())
                .map(IndexPart::value)
                .forEach(columns::add));
        return columns;
    }

    private static String typeOf(Column c) {
        return c.type().sql() + (c.nullable() ? "?" : "");
    }

    // A monospace character at 12px is at most 7.5px wide; the box fits its longest row and its title.
    private static int boxWidth(Table table, String label) {
        int name = 0;
        int type = 0;
        for (Column c : table.columns()) {
            name = Math.max(name, c.name().length());
            type = Math.max(type, typeOf(c).length());
        }
        int rowChars = name + 2 + type;
        int rowWidth = 28 + (rowChars * 15 + 1) / 2 + 8;
        int titleWidth = 16 + (label.length() * 15 + 1) / 2;
        return Math.max(140, Math.max(rowWidth, titleWidth));
    }
}
