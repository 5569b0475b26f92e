package io.plumb.agent.web;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.ObjectKind;
import io.plumb.engine.schema.ObjectRef;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.SchemaObject;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.View;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code Erd} draws the tables and views of a {@link Realm} as an entity-relationship diagram in inline SVG: one
 * box per table with its columns and their primary- and foreign-key marks, a dashed box per view, one edge per
 * foreign key (and a dashed one per table a view reads), and the drifted tables, views and columns highlighted. The
 * layout is layered: tables that reference nothing stand in the first column, and every other box one column right
 * of the furthest box it references. The output depends only on the realm and the drifted names: the same input
 * gives the same SVG, byte for byte.
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
        List<Edge> edges = edges(nodes, byKey);
        int width = place(layers(nodes, edges)) + MARGIN;
        int height = nodes.stream().mapToInt(n -> n.y + n.height()).max().orElse(0) + MARGIN;
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
        edges.forEach(e -> edge(svg, e));
        nodes.forEach(n -> box(svg, n));
        return svg.append("</svg>").toString();
    }

    /** A table or view to draw, with its place once laid out. */
    private static final class Node {
        final String key;
        final String schema;
        String label;
        final boolean isView;
        final List<Column> columns;
        final Set<String> primaryKey = new HashSet<>();
        final Set<String> foreignKey = new HashSet<>();
        final Set<String> driftedColumns = new HashSet<>();
        final List<ForeignKey> foreignKeys;
        final List<ObjectRef> dependsOn;
        final int order;
        boolean drifted;
        int width;
        int layer = -1;
        int index = -1;
        double weight;
        int x;
        int y;

        Node(String schema, String name, boolean isView, List<Column> columns, int order) {
            this.key = schema + "." + name;
            this.schema = schema;
            this.label = name;
            this.isView = isView;
            this.columns = columns;
            this.order = order;
            this.foreignKeys = new ArrayList<>();
            this.dependsOn = new ArrayList<>();
        }

        int height() {
            return HEADER + Math.max(1, columns.size()) * ROW + 4;
        }

        int rowCenter(String column) {
            for (int i = 0; i < columns.size(); i++) {
                if (columns.get(i).name().equals(column)) {
                    return y + HEADER + i * ROW + ROW / 2;
                }
            }
            return y + HEADER / 2;
        }
    }

    /** A foreign key from a table's column to another's, or (dashed) a view reading a table. */
    private record Edge(Node child, String fromColumn, Node parent, String toColumn, boolean dashed) {}

    /** How a shape is painted. */
    private record Paint(String cls, String fill, String stroke, double strokeWidth, boolean dashed) {}

    private static List<Node> nodes(Realm realm, Set<String> drifted) {
        boolean qualify = realm.schemas().size() > 1;
        List<Node> nodes = new ArrayList<>();
        for (Schema schema : realm.schemas()) {
            for (Table table : schema.tables()) {
                Node n = new Node(schema.name(), table.name(), false, table.columns(), nodes.size());
                table.primaryKey().ifPresent(pk -> pk.parts().stream()
                        .filter(p -> !p.isExpression())
                        .map(IndexPart::value)
                        .forEach(n.primaryKey::add));
                table.foreignKeys().forEach(fk -> n.foreignKey.addAll(fk.columns()));
                n.foreignKeys.addAll(table.foreignKeys());
                nodes.add(mark(n, table.name(), drifted));
            }
            for (SchemaObject object : schema.objects()) {
                if (object instanceof View view) {
                    Node n = new Node(schema.name(), view.name(), true, view.columns(), nodes.size());
                    n.dependsOn.addAll(view.dependsOn());
                    nodes.add(mark(n, view.name(), drifted));
                }
            }
        }
        if (qualify) {
            nodes.forEach(n -> n.label = n.key);
        }
        nodes.forEach(n -> n.width = boxWidth(n));
        return nodes;
    }

    // "a.b" may be schema a's table b or table a's column b: either reading marks what it names.
    private static Node mark(Node n, String name, Set<String> drifted) {
        n.drifted = drifted.contains(name) || drifted.contains(n.key);
        for (Column c : n.columns) {
            if (drifted.contains(name + "." + c.name()) || drifted.contains(n.key + "." + c.name())) {
                n.driftedColumns.add(c.name());
            }
        }
        return n;
    }

    private static List<Edge> edges(List<Node> nodes, Map<String, Node> byKey) {
        List<Edge> edges = new ArrayList<>();
        for (Node child : nodes) {
            for (ForeignKey fk : child.foreignKeys) {
                Node parent = byKey.getOrDefault(
                        fk.refSchema() + "." + fk.refTable(), byKey.get(child.schema + "." + fk.refTable()));
                if (parent != null) {
                    String from = fk.columns().isEmpty() ? "" : fk.columns().get(0);
                    String to = fk.refColumns().isEmpty() ? "" : fk.refColumns().get(0);
                    edges.add(new Edge(child, from, parent, to, false));
                }
            }
            for (ObjectRef ref : child.dependsOn) {
                boolean drawn = ref.kind() == ObjectKind.TABLE
                        || ref.kind() == ObjectKind.VIEW
                        || ref.kind() == ObjectKind.MATERIALIZED_VIEW;
                Node parent = drawn
                        ? byKey.get((ref.schema().isEmpty() ? child.schema : ref.schema()) + "." + ref.identity())
                        : null;
                if (parent != null && parent != child) {
                    edges.add(new Edge(child, "", parent, "", true));
                }
            }
        }
        return edges;
    }

    private static List<List<Node>> layers(List<Node> nodes, List<Edge> edges) {
        int count = 0;
        for (Node n : nodes) {
            count = Math.max(count, depth(n, edges, new HashSet<>()) + 1);
        }
        List<List<Node>> layers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            layers.add(new ArrayList<>());
        }
        nodes.forEach(n -> layers.get(n.layer).add(n));
        // Within a layer, a box sits near the boxes it references: sorted by the mean index of its parents.
        for (List<Node> current : layers) {
            for (Node n : current) {
                n.weight = parents(n, edges).stream()
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

    // The layer is one more than the deepest referenced box's; a reference back into a cycle counts for nothing.
    private static int depth(Node n, List<Edge> edges, Set<Node> path) {
        if (n.layer >= 0) {
            return n.layer;
        }
        if (!path.add(n)) {
            return -1;
        }
        int deepest = -1;
        for (Node parent : parents(n, edges)) {
            deepest = Math.max(deepest, depth(parent, edges, path));
        }
        path.remove(n);
        n.layer = deepest + 1;
        return n.layer;
    }

    private static List<Node> parents(Node n, List<Edge> edges) {
        List<Node> parents = new ArrayList<>();
        for (Edge e : edges) {
            if (e.child() == n && e.parent() != n && !parents.contains(e.parent())) {
                parents.add(e.parent());
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

    private static void edge(StringBuilder svg, Edge e) {
        Node child = e.child();
        Node parent = e.parent();
        int y1 = child.rowCenter(e.fromColumn());
        int y2 = parent.rowCenter(e.toColumn());
        String d;
        if (parent.x + parent.width < child.x) {
            int x1 = child.x;
            int x2 = parent.x + parent.width;
            d = "M" + x1 + "," + y1 + " C" + (x1 - 45) + "," + y1 + " " + (x2 + 45) + "," + y2 + " " + x2 + "," + y2;
        } else {
            // The same column (a cycle, or a table referencing itself): loop out to the right.
            int x1 = child.x + child.width;
            int x2 = parent.x + parent.width;
            int out = Math.max(x1, x2) + 40;
            d = "M" + x1 + "," + y1 + " C" + out + "," + y1 + " " + out + "," + y2 + " " + x2 + "," + y2;
        }
        svg.append("<path class=\"").append(e.dashed() ? "reads" : "fk").append("\" data-edge=\"");
        svg.append(Html.escape(child.label + " -> " + parent.label))
                .append("\" d=\"")
                .append(d);
        svg.append("\" fill=\"none\" stroke=\"#57606a\" stroke-width=\"1.3\"");
        svg.append(e.dashed() ? " stroke-dasharray=\"5 4\"" : "").append(" marker-end=\"url(#erd-arrow)\"/>\n");
    }

    private static void box(StringBuilder svg, Node n) {
        String stroke = n.drifted ? DRIFT_STROKE : "#424a53";
        String header = n.drifted ? DRIFT_STROKE : n.isView ? "#57606a" : "#24292f";
        svg.append("<g class=\"").append(n.isView ? "view" : "table").append(n.drifted ? " drifted" : "");
        svg.append("\" data-table=\"").append(Html.escape(n.label)).append("\">\n");
        svg.append(rect(
                n.x, n.y, n.width, n.height(), new Paint("box", "#ffffff", stroke, n.drifted ? 2.5 : 1.2, n.isView)));
        svg.append(rect(n.x, n.y, n.width, HEADER, new Paint("header", header, stroke, 1.2, false)));
        svg.append(text(n.x + 8, n.y + 17, "#ffffff\" font-weight=\"bold", (n.isView ? "view " : "") + n.label));
        int y = n.y + HEADER;
        for (Column c : n.columns) {
            boolean drifted = n.driftedColumns.contains(c.name());
            svg.append("<g class=\"column").append(drifted ? " drifted" : "").append("\" data-column=\"");
            svg.append(Html.escape(c.name())).append("\">");
            if (drifted) {
                svg.append(rect(n.x + 1, y, n.width - 2, ROW, new Paint("row", DRIFT_FILL, DRIFT_STROKE, 1, false)));
            }
            boolean pk = n.primaryKey.contains(c.name());
            boolean fk = n.foreignKey.contains(c.name());
            if (pk || fk) {
                svg.append(text(n.x + 6, y + 13, "#8c959f\" font-weight=\"bold", pk && fk ? "PF" : pk ? "PK" : "FK"));
            }
            svg.append(text(n.x + 28, y + 13, drifted ? DRIFT_STROKE : "#24292f", c.name()));
            svg.append(text(n.x + n.width - 6, y + 13, "#57606a\" text-anchor=\"end", typeOf(c)));
            svg.append("</g>\n");
            y += ROW;
        }
        svg.append("</g>\n");
    }

    private static String rect(int x, int y, int w, int h, Paint paint) {
        return "<rect class=\"" + paint.cls() + "\" x=\"" + x + "\" y=\"" + y + "\" width=\"" + w + "\" height=\"" + h
                + "\" fill=\"" + paint.fill() + "\" stroke=\"" + paint.stroke() + "\" stroke-width=\""
                + paint.strokeWidth() + "\"" + (paint.dashed() ? " stroke-dasharray=\"6 4\"" : "") + "/>";
    }

    // The fill may carry further fixed attributes (weight, anchor): they are constants of this class, not input.
    private static String text(int x, int y, String fillAndAttributes, String content) {
        return "<text x=\"" + x + "\" y=\"" + y + "\" fill=\"" + fillAndAttributes + "\">" + Html.escape(content)
                + "</text>";
    }

    private static String typeOf(Column c) {
        return c.type().sql() + (c.nullable() ? "?" : "");
    }

    // A monospace character at 12px is at most 7.5px wide; the box fits its longest row and its title.
    private static int boxWidth(Node n) {
        int name = 0;
        int type = 0;
        for (Column c : n.columns) {
            name = Math.max(name, c.name().length());
            type = Math.max(type, typeOf(c).length());
        }
        int rowWidth = 28 + ((name + 2 + type) * 15 + 1) / 2 + 8;
        int title = n.label.length() + (n.isView ? 5 : 0);
        int titleWidth = 16 + (title * 15 + 1) / 2;
        return Math.max(140, Math.max(rowWidth, titleWidth));
    }
}
