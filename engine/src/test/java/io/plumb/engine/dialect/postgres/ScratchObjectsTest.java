package io.plumb.engine.dialect.postgres;

import io.plumb.engine.dialect.PlanOptions;
import io.plumb.engine.plan.Plan;
import io.plumb.engine.plan.PlanExecutor;
import io.plumb.engine.schema.Realm;
import io.plumb.engine.schema.SchemaChange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class ScratchObjectsTest extends PostgresDatabaseTest {

    @Test
    void scratch() throws Exception {
        try (Statement st = connection.createStatement()) {
            st.execute(Files.readString(Path.of("src/test/resources/postgres/objects.sql")));
        }
        Realm realm = inspect();
        realm.schemas().forEach(s -> s.objects().forEach(o -> System.out.println("OBJ " + s.name() + " " + o)));
        realm.objects().forEach(o -> System.out.println("DBOBJ " + o));
        System.out.println("UNSUPPORTED " + realm.unsupported());
        Plan plan = dialect.planner().plan(SchemaChange.createAll(realm), new PlanOptions(true, ""));
        plan.changes().forEach(c -> System.out.println("PLAN -- " + c.comment() + "\n" + c.sql()));
        try (Connection other = PostgresServer.newDatabase()) {
            try (Statement st = other.createStatement()) {
                st.execute("CREATE SCHEMA app");
            }
            PlanExecutor.execute(other, plan);
        }
    }
}
