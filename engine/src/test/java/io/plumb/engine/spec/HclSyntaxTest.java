package io.plumb.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.schema.ColumnType;
import java.util.List;
import org.junit.jupiter.api.Test;

class HclSyntaxTest {

    @Test
    void quotesLikeHclwrite() {
        assertThat(HclSyntax.quote("")).isEqualTo("\"\"");
        assertThat(HclSyntax.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(HclSyntax.quote("l1\nl2\r\tx")).isEqualTo("\"l1\\nl2\\r\\tx\"");
        assertThat(HclSyntax.quote("${a} %{b} $c %d $")).isEqualTo("\"$${a} %%{b} $c %d $\"");
        assertThat(HclSyntax.quote("\u0000\u007f\u00a0")).isEqualTo("\"\\u0000\\u007f\\u00a0\"");
        assertThat(HclSyntax.quote("héllo ✓ 😀")).isEqualTo("\"héllo ✓ 😀\"");
    }

    @Test
    void recognisesIdentifiersWithDashes() {
        assertThat(HclSyntax.isIdentifier("users")).isTrue();
        assertThat(HclSyntax.isIdentifier("_x-1")).isTrue();
        assertThat(HclSyntax.isIdentifier("1x")).isFalse();
        assertThat(HclSyntax.isIdentifier("a b")).isFalse();
        assertThat(HclSyntax.isIdentifier("a.b")).isFalse();
        assertThat(HclSyntax.isIdentifier("")).isFalse();
    }

    @Test
    void writesReferencesWithIndexStepsForOtherNames() {
        assertThat(HclSyntax.ref(List.of("table", "orgs", "column", "id"))).isEqualTo("table.orgs.column.id");
        assertThat(HclSyntax.ref(List.of("column", "a.b"))).isEqualTo("column[\"a.b\"]");
    }

    @Test
    void writesTypes() {
        assertThat(HclSyntax.type(ColumnType.Named.of("character varying", "10")))
                .isEqualTo("character_varying(10)");
        assertThat(HclSyntax.type(new ColumnType.Raw("varchar(255)[]"))).isEqualTo("sql(\"varchar(255)[]\")");
    }
}
