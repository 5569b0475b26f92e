package io.plumb.engine.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.hcl.Document;
import io.plumb.engine.hcl.Resource;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HclBlocksTest {

    private static final String SCHEMA =
            """
            schema "public" {
            }
            table "t" {
              schema = schema.public
              column "t" {
                type = int
              }
              index "i" {
                columns = [column.t]
              }
            }
            table "public" "u" {
              schema = schema.public
              column "id" {
                type = int
              }
              index "i" {
                columns = [column.id]
              }
            }
            function "f" {
              schema = schema.public
              lang   = SQL
              return = int
              as     = "SELECT 1"
            }
            table "payment" {
              schema = schema.public
              column "loan_id" {
                type = int
              }
              index "loan_id" {
                columns = [column.loan_id]
              }
            }
            enum "f" {
              schema = schema.public
              values = ["a"]
            }
            """;

    private final Document document =
            HclSources.evaluateText("schema.hcl", SCHEMA, Path.of("."), Map.of(), name -> null);

    private String position(String comment) {
        return HclBlocks.block(document, comment)
                .map(Resource::pos)
                .map(Object::toString)
                .orElse("none");
    }

    @Test
    void aTopLevelObjectIsItsBlock() {
        assertThat(position("create \"t\" table")).isEqualTo("schema.hcl:3:1");
        assertThat(position("create \"f\" function")).isEqualTo("schema.hcl:21:1");
        assertThat(position("add new schema named \"public\"")).isEqualTo("schema.hcl:1:1");
    }

    @Test
    void aQualifiedBlockIsFoundByItsLastLabel() {
        assertThat(position("create \"u\" table")).isEqualTo("schema.hcl:12:1");
    }

    @Test
    void anIndexIsTheBlockInsideItsTable() {
        assertThat(position("create index \"i\" to table: \"u\"")).isEqualTo("schema.hcl:17:3");
        assertThat(position("create index \"i\" to table: \"t\"")).isEqualTo("schema.hcl:8:3");
    }

    @Test
    void aBlockOfTheKindTheChangeNamesComesBeforeOneOfAnotherKindWithTheName() {
        // An index named as its column is the index block, not the column's.
        assertThat(position("create index \"loan_id\" to table: \"payment\"")).isEqualTo("schema.hcl:32:3");
        assertThat(position("create enum type \"f\"")).isEqualTo("schema.hcl:36:1");
        assertThat(position("create \"f\" function")).isEqualTo("schema.hcl:21:1");
    }

    @Test
    void aNameNoBlockCarriesGivesNoPosition() {
        assertThat(position("create \"nosuch\" table")).isEqualTo("none");
        assertThat(position("set comment")).isEqualTo("none");
    }
}
