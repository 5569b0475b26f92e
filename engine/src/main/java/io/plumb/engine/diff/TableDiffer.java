package io.plumb.engine.diff;

import io.plumb.engine.schema.Check;
import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Generated;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Table;
import io.plumb.engine.schema.TableChange;
import io.plumb.engine.schema.TableChange.ColumnAspect;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code TableDiffer} compares two versions of one table: attributes and checks, then columns, the primary key,
 * indexes and foreign keys, as Atlas orders them.
 */
final class TableDiffer {

    private final DiffNormalizer normalizer;

    TableDiffer(DiffNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    List<TableChange> diff(Table from, Table to) {
        List<TableChange> changes = new ArrayList<>();
        if (!normalizer.sameComment(from.comment(), to.comment())
                || !normalizer.sameOptions(from.options(), to.options())) {
            changes.add(new TableChange.ModifyAttributes(from, to));
        }
        checks(from.checks(), to.checks(), changes);
        columns(from, to, changes);
        primaryKey(from.primaryKey(), to.primaryKey(), changes);
        indexes(from, to, changes);
        foreignKeys(from.foreignKeys(), to.foreignKeys(), changes);
        return changes;
    }

    private void checks(List<Check> from, List<Check> to, List<TableChange> changes) {
        for (Check check : from) {
            Optional<Check> other = similarCheck(to, check);
            if (other.isEmpty()) {
                changes.add(new TableChange.DropCheck(check));
            } else if (!sameExpr(check.expr(), other.get().expr())
                    || !check.options().equals(other.get().options())) {
                changes.add(new TableChange.ModifyCheck(check, other.get()));
            }
        }
        for (Check check : to) {
            if (similarCheck(from, check).isEmpty()) {
                changes.add(new TableChange.AddCheck(check));
            }
        }
    }

    /**
     * Finds a check by name when both are named, else by expression, as the reference compares normalized states
     * (which its commands always diff): a named check renamed with the same expression is dropped and added.
     */
    private Optional<Check> similarCheck(List<Check> checks, Check check) {
        if (!check.name().isEmpty()) {
            Optional<Check> byName =
                    checks.stream().filter(c -> c.name().equals(check.name())).findFirst();
            if (byName.isPresent()) {
                return byName;
            }
        }
        return checks.stream()
                .filter(c -> c.name().isEmpty() || check.name().isEmpty())
                .filter(c -> sameExpr(c.expr(), check.expr()))
                .findFirst();
    }

    private void columns(Table from, Table to, List<TableChange> changes) {
        for (Column column : from.columns()) {
            Optional<Column> other = to.column(column.name());
            if (other.isEmpty()) {
                changes.add(new TableChange.DropColumn(column));
                continue;
            }
            Set<ColumnAspect> aspects = aspects(column, other.get());
            if (!aspects.isEmpty()) {
                changes.add(new TableChange.ModifyColumn(column, other.get(), aspects));
            }
        }
        for (Column column : to.columns()) {
            if (from.column(column.name()).isEmpty()) {
                changes.add(new TableChange.AddColumn(column));
            }
        }
    }

    private Set<ColumnAspect> aspects(Column from, Column to) {
        Set<ColumnAspect> aspects = EnumSet.noneOf(ColumnAspect.class);
        if (!normalizer.sameType(from, to)) {
            aspects.add(ColumnAspect.TYPE);
        }
        if (from.nullable() != to.nullable()) {
            aspects.add(ColumnAspect.NULL);
        }
        if (!Objects.equals(
                from.defaultValue().map(normalizer::defaultKey),
                to.defaultValue().map(normalizer::defaultKey))) {
            aspects.add(ColumnAspect.DEFAULT);
        }
        if (!Objects.equals(generatedKey(from.generated()), generatedKey(to.generated()))) {
            aspects.add(ColumnAspect.GENERATED);
        }
        if (from.autoIncrement() != to.autoIncrement()) {
            aspects.add(ColumnAspect.AUTO_INCREMENT);
        }
        if (!normalizer.sameComment(from.comment(), to.comment())) {
            aspects.add(ColumnAspect.COMMENT);
        }
        if (!normalizer.sameColumnOptions(from.options(), to.options())) {
            aspects.add(ColumnAspect.OPTIONS);
        }
        return aspects;
    }

    private Optional<String> generatedKey(Optional<Generated> generated) {
        return generated.map(g -> g.kind().toUpperCase(Locale.ROOT) + ":" + normalizer.expressionKey(g.expr()));
    }

    private void primaryKey(Optional<PrimaryKey> from, Optional<PrimaryKey> to, List<TableChange> changes) {
        if (from.isPresent() && to.isEmpty()) {
            changes.add(new TableChange.DropPrimaryKey(from.get()));
        } else if (from.isEmpty() && to.isPresent()) {
            changes.add(new TableChange.AddPrimaryKey(to.get()));
        } else if (from.isPresent() && to.isPresent()) {
            PrimaryKey a = from.get();
            PrimaryKey b = to.get();
            boolean renamed =
                    !a.name().isEmpty() && !b.name().isEmpty() && !a.name().equals(b.name());
            if (renamed || !sameParts(a.parts(), b.parts()) || !a.options().equals(b.options())) {
                changes.add(new TableChange.ModifyPrimaryKey(a, b));
            }
        }
    }

    private void indexes(Table from, Table to, List<TableChange> changes) {
        for (Index index : from.indexes()) {
            Optional<Index> other = index(to, normalizer.indexKey(from, index));
            if (other.isEmpty()) {
                if (!normalizer.keepsIndex(from, to, index)) {
                    changes.add(new TableChange.DropIndex(index));
                }
            } else if (!sameIndex(index, other.get())) {
                changes.add(new TableChange.ModifyIndex(index, other.get()));
            }
        }
        for (Index index : to.indexes()) {
            if (index(from, normalizer.indexKey(to, index)).isEmpty()) {
                changes.add(new TableChange.AddIndex(index));
            }
        }
    }

    /** Returns the index of the table that the dialect matches by {@code key} (normally its name). */
    private Optional<Index> index(Table table, String key) {
        return table.indexes().stream()
                .filter(i -> normalizer.indexKey(table, i).equals(key))
                .findFirst();
    }

    private boolean sameIndex(Index a, Index b) {
        return a.unique() == b.unique()
                && sameParts(a.parts(), b.parts())
                && Objects.equals(
                        a.where().map(normalizer::expressionKey), b.where().map(normalizer::expressionKey))
                && normalizer.sameComment(a.comment(), b.comment())
                && a.options().equals(b.options());
    }

    private boolean sameParts(List<IndexPart> a, List<IndexPart> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            IndexPart x = a.get(i);
            IndexPart y = b.get(i);
            boolean sameValue = x.isExpression()
                    ? y.isExpression() && sameExpr(x.value(), y.value())
                    : !y.isExpression() && x.value().equals(y.value());
            if (!sameValue || x.desc() != y.desc() || !x.options().equals(y.options())) {
                return false;
            }
        }
        return true;
    }

    private void foreignKeys(List<ForeignKey> from, List<ForeignKey> to, List<TableChange> changes) {
        for (ForeignKey fk : from) {
            Optional<ForeignKey> other = similarKey(to, fk);
            if (other.isEmpty()) {
                changes.add(new TableChange.DropForeignKey(fk));
            } else if (!sameKey(fk, other.get())) {
                changes.add(new TableChange.ModifyForeignKey(fk, other.get()));
            }
        }
        for (ForeignKey fk : to) {
            if (similarKey(from, fk).isEmpty()) {
                changes.add(new TableChange.AddForeignKey(fk));
            }
        }
    }

    /**
     * Finds a foreign key by name; a key named by its ordinal (SQLite's unnamed keys) is found by its columns and
     * reference instead, since ordinals shift when another key is added or dropped.
     */
    private static Optional<ForeignKey> similarKey(List<ForeignKey> keys, ForeignKey key) {
        if (!isOrdinal(key.name())) {
            Optional<ForeignKey> byName =
                    keys.stream().filter(k -> k.name().equals(key.name())).findFirst();
            if (byName.isPresent()) {
                return byName;
            }
        }
        return keys.stream()
                .filter(k -> isOrdinal(k.name()) || isOrdinal(key.name()))
                .filter(k -> k.columns().equals(key.columns())
                        && k.refTable().equals(key.refTable())
                        && k.refColumns().equals(key.refColumns()))
                .findFirst();
    }

    private static boolean isOrdinal(String name) {
        return name.isEmpty() || name.chars().allMatch(Character::isDigit);
    }

    private boolean sameKey(ForeignKey a, ForeignKey b) {
        return a.columns().equals(b.columns())
                && a.refSchema().equals(b.refSchema())
                && a.refTable().equals(b.refTable())
                && a.refColumns().equals(b.refColumns())
                && normalizer.sameAction(a.onUpdate(), b.onUpdate())
                && normalizer.sameAction(a.onDelete(), b.onDelete())
                && a.deferral() == b.deferral();
    }

    private boolean sameExpr(String a, String b) {
        return normalizer.expressionKey(a).equals(normalizer.expressionKey(b));
    }
}
