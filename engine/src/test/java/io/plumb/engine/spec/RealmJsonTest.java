package io.plumb.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.Column;
import io.plumb.engine.schema.ColumnType;
import io.plumb.engine.schema.ForeignKey;
import io.plumb.engine.schema.Index;
import io.plumb.engine.schema.IndexPart;
import io.plumb.engine.schema.PrimaryKey;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.ReferenceAction;
import io.plumb.engine.schema.Schema;
import io.plumb.engine.schema.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RealmJsonTest {

    @Test
    void writesTheReferenceMembersInTheReferenceOrder() {
        Table users = new Table(
                "users",
                List.of(
                        Column.of("id", ColumnType.Named.of("integer"), false),
                        Column.of("name", ColumnType.Named.of("varchar", "255"), true),
                        Column.of("org", ColumnType.Named.of("integer"), true)),
                Optional.of(PrimaryKey.of("id")),
                List.of(new Index(
                        "by_name",
                        true,
                        List.of(new IndexPart("name", false, true, Map.of()), IndexPart.expression("lower(name)")),
                        Optional.empty(),
                        Optional.empty(),
                        Map.of())),
                List.of(new ForeignKey(
                        "0",
                        List.of("org"),
                        "main",
                        "orgs",
                        List.of("id"),
                        ReferenceAction.NO_ACTION,
                        ReferenceAction.CASCADE)),
                List.of(),
                Optional.empty(),
                Map.of());
        Realm realm = Realm.of(
                Schema.of(
                        "main",
                        List.of(Table.of("orgs", List.of(Column.of("id", ColumnType.Named.of("int"), false))), users)),
                Schema.of("empty", List.of()));
        assertThat(RealmJson.write(realm))
                .isEqualTo("{\"schemas\":[{\"name\":\"main\",\"tables\":["
                        + "{\"name\":\"orgs\",\"columns\":[{\"name\":\"id\",\"type\":\"int\"}]},"
                        + "{\"name\":\"users\",\"columns\":[{\"name\":\"id\",\"type\":\"integer\"},"
                        + "{\"name\":\"name\",\"type\":\"varchar(255)\",\"null\":true},"
                        + "{\"name\":\"org\",\"type\":\"integer\",\"null\":true}],"
                        + "\"indexes\":[{\"name\":\"by_name\",\"unique\":true,\"parts\":[{\"desc\":true,\"column\":\"name\"},"
                        + "{\"expr\":\"lower(name)\"}]}],"
                        + "\"primary_key\":{\"parts\":[{\"column\":\"id\"}]},"
                        + "\"foreign_keys\":[{\"name\":\"0\",\"columns\":[\"org\"],"
                        + "\"references\":{\"table\":\"orgs\",\"columns\":[\"id\"]}}]}]},"
                        + "{\"name\":\"empty\"}]}");
    }
}
