package io.plumb.engine.plan;

import io.plumb.engine.dialect.PlanException;
import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.dialect.Planner;
import io.plumb.engine.schema.SchemaChange;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A {@code RollbackPlanner} plans the down part of a migration for any dialect, with one mechanism rather than a
 * reverse written by hand per statement: the changes from the desired state back to the current one (the caller
 * diffs the two realms the other way round) are planned as a whole by the dialect's planner, so the down part is
 * ordered by dependencies and rebuilds, re-creates and drops objects exactly as {@code schema apply} would; then each
 * of its statements is given to the forward change of the same object (table, object, schema), whose comment it
 * carries.
 *
 * <p>A forward change that no statement undoes is not dropped: it becomes a step without statements, which the down
 * part prints as a comment, and which the command reports.
 */
public final class RollbackPlanner {

    private final Planner planner;
    private final PlanOptions options;

    public RollbackPlanner(Planner planner, PlanOptions options) {
        this.planner = planner;
        this.options = options;
    }

    /** What a change is about: a table, an object of a kind, or a schema's own attributes. */
    private record Subject(String type, String schema, String kind, String name) {

        static Subject of(SchemaChange change) {
            if (change instanceof SchemaChange.AddSchema a) {
                return schema(a.schema().name());
            } else if (change instanceof SchemaChange.DropSchema d) {
                return schema(d.schema().name());
            } else if (change instanceof SchemaChange.ModifySchema m) {
                return schema(m.to().name());
            } else if (change instanceof SchemaChange.AddTable a) {
                return new Subject("table", a.schema(), "", a.table().name());
            } else if (change instanceof SchemaChange.DropTable d) {
                return new Subject("table", d.schema(), "", d.table().name());
            } else if (change instanceof SchemaChange.ModifyTable m) {
                return new Subject("table", m.schema(), "", m.to().name());
            } else if (change instanceof SchemaChange.AddObject a) {
                return new Subject(
                        "object",
                        a.schema(),
                        a.object().kind().name(),
                        a.object().identity());
            } else if (change instanceof SchemaChange.DropObject d) {
                return new Subject(
                        "object",
                        d.schema(),
                        d.object().kind().name(),
                        d.object().identity());
            }
            SchemaChange.ModifyObject m = (SchemaChange.ModifyObject) change;
            return new Subject("object", m.schema(), m.to().kind().name(), m.to().identity());
        }

        static Subject schema(String name) {
            return new Subject("schema", name, "", name);
        }

        Subject owner() {
            return schema(schema);
        }
    }

    /** A forward change as the down part names it. */
    private record Forward(String comment, boolean writesStatements) {}

    /**
     * Plans the statements that undo {@code forward}.
     *
     * @param forward the changes of the migration, from the current state to the desired one
     * @param backward the changes from the desired state back to the current one, under the inverse diff policy
     */
    public Rollback plan(List<SchemaChange> forward, List<SchemaChange> backward) {
        Map<Subject, Forward> subjects = forwardSubjects(forward);
        List<Subject> order = new ArrayList<>(subjects.keySet());
        // Undo in the reverse order of the forward changes, as the reference does, where dependencies leave the
        // planner a choice; a change of an object the forward changes left alone (a skipped kind) is no undo.
        List<SchemaChange> undo = backward.stream()
                .filter(c -> rank(order, Subject.of(c)) >= 0)
                .sorted(Comparator.comparingInt((SchemaChange c) -> rank(order, Subject.of(c)))
                        .reversed())
                .toList();
        // A change the dialect cannot plan (PostgreSQL removes no enum value) has no reverse; the others keep theirs.
        Map<Subject, String> unplannable = new LinkedHashMap<>();
        Plan down;
        try {
            down = planner.plan(undo, options);
        } catch (PlanException e) {
            for (SchemaChange change : undo) {
                problem(change).ifPresent(p -> unplannable.putIfAbsent(Subject.of(change), p));
            }
            undo = undo.stream()
                    .filter(c -> !unplannable.containsKey(Subject.of(c)))
                    .toList();
            try {
                down = planner.plan(undo, options);
            } catch (PlanException again) {
                return irreversible(subjects, "the undo cannot be planned: " + again.getMessage());
            }
        }
        List<Subject> owners = attribute(down, undo);
        List<Rollback.Step> steps = new ArrayList<>();
        Set<Subject> undone = new HashSet<>();
        undo.forEach(c -> undone.add(Subject.of(c)));
        subjects.forEach((subject, change) -> {
            String problem = unplannable.get(subject);
            if (problem != null) {
                steps.add(new Rollback.Step(change.comment(), List.of(), "the undo cannot be planned: " + problem));
            } else if (change.writesStatements() && !isUndone(subject, undone, backward)) {
                steps.add(new Rollback.Step(
                        change.comment(), List.of(), "plumb plans no statement that undoes this change"));
            }
        });
        @Nullable Subject current = null;
        List<String> statements = new ArrayList<>();
        String comment = "";
        for (int i = 0; i < down.changes().size(); i++) {
            PlannedChange statement = down.changes().get(i);
            Subject owner = owners.get(i);
            if (current == null || !current.equals(owner)) {
                if (!statements.isEmpty()) {
                    steps.add(new Rollback.Step(comment, statements, ""));
                }
                statements = new ArrayList<>();
                current = owner;
                comment = commentOf(owner, subjects, statement);
            }
            statements.add(statement.sql());
        }
        if (!statements.isEmpty()) {
            steps.add(new Rollback.Step(comment, statements, ""));
        }
        return new Rollback(steps, down.transactional());
    }

    private Map<Subject, Forward> forwardSubjects(List<SchemaChange> forward) {
        Map<Subject, Forward> subjects = new LinkedHashMap<>();
        for (SchemaChange change : forward) {
            Subject subject = Subject.of(change);
            List<PlannedChange> alone = planAlone(change).orElse(List.of());
            Forward known = subjects.get(subject);
            if (known == null || !known.writesStatements()) {
                subjects.put(subject, new Forward(comment(change, alone), !alone.isEmpty()));
            }
        }
        return subjects;
    }

    private Optional<String> problem(SchemaChange change) {
        try {
            planner.plan(List.of(change), options);
            return Optional.empty();
        } catch (PlanException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }

    private Optional<List<PlannedChange>> planAlone(SchemaChange change) {
        try {
            return Optional.of(planner.plan(List.of(change), options).changes());
        } catch (PlanException e) {
            return Optional.empty();
        }
    }

    /**
     * Names a forward change as its own statement does when it plans to one statement (MySQL's and PostgreSQL's
     * {@code modify "users" table}, SQLite's {@code add column "email" to table: "users"}), else by what it does to
     * which table (a SQLite rebuild's first statement switches foreign keys off, which names nothing).
     */
    private static String comment(SchemaChange change, List<PlannedChange> alone) {
        List<String> comments = alone.stream()
                .map(PlannedChange::comment)
                .filter(c -> !c.isEmpty())
                .toList();
        if (comments.size() == 1 || (!comments.isEmpty() && !isTableChange(change))) {
            return comments.get(0);
        }
        if (change instanceof SchemaChange.AddTable a) {
            return "create \"" + a.table().name() + "\" table";
        } else if (change instanceof SchemaChange.DropTable d) {
            return "drop \"" + d.table().name() + "\" table";
        } else if (change instanceof SchemaChange.ModifyTable m) {
            return "modify \"" + m.to().name() + "\" table";
        }
        Subject subject = Subject.of(change);
        return "change " + subject.type() + " \"" + subject.name() + "\"";
    }

    private static boolean isTableChange(SchemaChange change) {
        return change instanceof SchemaChange.AddTable
                || change instanceof SchemaChange.DropTable
                || change instanceof SchemaChange.ModifyTable;
    }

    private static int rank(List<Subject> order, Subject subject) {
        int index = order.indexOf(subject);
        return index >= 0 ? index : order.indexOf(subject.owner());
    }

    /**
     * Returns, per statement of the down plan, the subject it undoes: the change whose plan alone holds the same
     * statement; a statement no single change plans (a SQLite foreign-key switch, a PostgreSQL key dropped ahead of
     * its table) goes with the statement before it, or the first one after it.
     */
    private List<Subject> attribute(Plan down, List<SchemaChange> undo) {
        Map<String, Deque<Subject>> bySql = new HashMap<>();
        for (SchemaChange change : undo) {
            Subject subject = Subject.of(change);
            planAlone(change).orElse(List.of()).forEach(s -> bySql.computeIfAbsent(s.sql(), k -> new ArrayDeque<>())
                    .add(subject));
        }
        List<@Nullable Subject> found = new ArrayList<>();
        for (PlannedChange statement : down.changes()) {
            Deque<Subject> candidates = bySql.getOrDefault(statement.sql(), new ArrayDeque<>());
            // A statement that the changes of several subjects plan (SQLite's foreign-key switches) is nobody's.
            boolean owned = candidates.stream().distinct().count() == 1;
            found.add(owned ? candidates.poll() : null);
        }
        List<Subject> owners = new ArrayList<>();
        @Nullable Subject previous = null;
        for (int i = 0; i < found.size(); i++) {
            Subject owner = found.get(i);
            if (owner == null) {
                owner = previous != null ? previous : firstFrom(found, i, undo);
            }
            owners.add(owner);
            previous = owner;
        }
        return owners;
    }

    private static Subject firstFrom(List<@Nullable Subject> found, int from, List<SchemaChange> undo) {
        for (int i = from; i < found.size(); i++) {
            Subject subject = found.get(i);
            if (subject != null) {
                return subject;
            }
        }
        return Subject.of(undo.get(0));
    }

    private static String commentOf(Subject owner, Map<Subject, Forward> subjects, PlannedChange statement) {
        Forward forward = subjects.get(owner);
        if (forward == null) {
            forward = subjects.get(owner.owner());
        }
        return forward != null ? forward.comment() : statement.comment();
    }

    // A table of a schema the down part drops goes with its schema.
    private static boolean isUndone(Subject subject, Set<Subject> undone, List<SchemaChange> backward) {
        if (undone.contains(subject)) {
            return true;
        }
        return backward.stream()
                .anyMatch(c -> c instanceof SchemaChange.DropSchema d
                        && d.schema().name().equals(subject.schema()));
    }

    private static Rollback irreversible(Map<Subject, Forward> subjects, String problem) {
        List<Rollback.Step> steps = new ArrayList<>();
        List<Forward> forwards = new ArrayList<>(subjects.values());
        for (int i = forwards.size() - 1; i >= 0; i--) {
            if (forwards.get(i).writesStatements()) {
                steps.add(new Rollback.Step(forwards.get(i).comment(), List.of(), problem));
            }
        }
        return new Rollback(steps, true);
    }
}
