package io.plumb.engine.dialect.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.dialect.sqlite.SqlLexer.Kind;
import io.plumb.engine.dialect.sqlite.SqlLexer.Token;
import io.plumb.engine.schema.Check;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SqlLexerTest {

    @Test
    void quotesCommentsAndSymbols() {
        List<Token> tokens = SqlLexer.tokenize("a \"b\"\"c\" `d` [e f] 'g''h' -- note\n /* x */ (1.5,)");
        assertThat(tokens)
                .extracting(Token::kind)
                .containsExactly(
                        Kind.WORD,
                        Kind.QUOTED,
                        Kind.QUOTED,
                        Kind.QUOTED,
                        Kind.STRING,
                        Kind.SYMBOL,
                        Kind.SYMBOL,
                        Kind.SYMBOL,
                        Kind.SYMBOL);
        assertThat(tokens)
                .extracting(Token::identifier)
                .containsExactly("a", "b\"c", "d", "e f", "g'h", "(", "1.5", ",", ")");
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        assertThat(SqlLexer.tokenize("a 'open")).extracting(Token::text).containsExactly("a", "'open");
    }

    @Test
    void createTableParserFindsNamesChecksAndOptions() {
        CreateTableParser.Result r = CreateTableParser.parse("CREATE TABLE \"t\" (\n"
                + "  [a] int CONSTRAINT c1 CHECK (a > (0)) REFERENCES p ON DELETE SET NULL, -- comment, with comma\n"
                + "  b text AS (upper(a)) STORED,\n"
                + "  id integer PRIMARY KEY AUTOINCREMENT,\n"
                + "  CONSTRAINT fk2 FOREIGN KEY (b) REFERENCES p (x) CHECK (b <> ')')\n"
                + ") WITHOUT ROWID");
        assertThat(r.checks()).containsExactly(Check.of("c1", "a > (0)"), Check.of("", "b <> ')'"));
        assertThat(r.foreignKeyNames()).containsExactly("", "fk2");
        assertThat(r.columns().get("a")).isEqualTo(new CreateTableParser.ColumnText(false, Optional.empty()));
        assertThat(r.columns().get("b")).isEqualTo(new CreateTableParser.ColumnText(false, Optional.of("upper(a)")));
        assertThat(r.columns().get("id")).isEqualTo(new CreateTableParser.ColumnText(true, Optional.empty()));
        assertThat(r.withoutRowid()).isTrue();
        assertThat(r.strict()).isFalse();
    }

    @Test
    void createIndexParserFindsPartsAndPredicate() {
        CreateIndexParser.Result r =
                CreateIndexParser.parse("CREATE INDEX \"i\" ON t (a COLLATE nocase, (a+b) DESC, f(c, d)) WHERE a > 1");
        assertThat(r.parts()).containsExactly("a COLLATE nocase", "a+b", "f(c, d)");
        assertThat(r.where()).contains("a > 1");
        assertThat(CreateIndexParser.unwrap("(a) + (b)")).isEqualTo("(a) + (b)");
    }
}
