package io.plumb.engine.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumb.engine.hcl.EvalOptions;
import io.plumb.engine.hcl.Hcl;
import io.plumb.engine.hcl.HclEvaluator;
import io.plumb.engine.hcl.HclException;
import io.plumb.engine.schema.Realm;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reads and writes the MySQL-only attributes of the HCL schema language. */
class MysqlSchemaSpecTest {

    private static final MysqlSchemaSpec SPEC = new MysqlSchemaSpec(MysqlFlavour.MYSQL);

    @Test
    void keyTypesParsersAndUnenforcedChecksAreWrittenBackAsRead() {
        String hcl =
                """
                table "t" {
                  schema = schema.db
                  engine = MEMORY
                  column "id" {
                    null = false
                    type = int
                  }
                  column "body" {
                    null = false
                    type = varchar(100)
                  }
                  primary_key {
                    columns = [column.id]
                    type    = BTREE
                  }
                  index "ft" {
                    columns = [column.body]
                    type    = FULLTEXT
                    parser  = ngram
                  }
                  check "c" {
                    expr     = "`id` > 0"
                    enforced = false
                  }
                }
                schema "db" {
                  charset = "utf8mb4"
                  collate = "utf8mb4_0900_ai_ci"
                }
                """;
        assertThat(SPEC.write(read(hcl))).isEqualTo(hcl);
    }

    @Test
    void defaultsAreLeftOut() {
        String hcl =
                """
                table "t" {
                  schema = schema.db
                  engine = MEMORY
                  column "id" {
                    null = false
                    type = int
                  }
                  primary_key {
                    columns = [column.id]
                    type    = HASH
                  }
                  check "c" {
                    expr     = "`id` > 0"
                    enforced = true
                  }
                }
                schema "db" {
                }
                """;
        assertThat(SPEC.write(read(hcl)))
                .isEqualTo(hcl.replace("    type    = HASH\n", "")
                        .replace("    enforced = true\n", "")
                        .replace("expr     =", "expr ="));
    }

    @Test
    void enforcedMustBeABool() {
        String hcl =
                """
                table "t" {
                  schema = schema.db
                  column "id" {
                    type = int
                  }
                  check "c" {
                    expr     = "`id` > 0"
                    enforced = "no"
                  }
                }
                schema "db" {
                }
                """;
        assertThatThrownBy(() -> read(hcl))
                .isInstanceOf(HclException.class)
                .hasMessageContaining("attribute \"enforced\" of check \"c\" of table \"t\": expected a bool, found");
    }

    private static Realm read(String hcl) {
        return SPEC.read(HclEvaluator.evaluate(List.of(Hcl.parse("schema.hcl", hcl)), EvalOptions.defaults()));
    }
}
