package io.plumb.engine.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ColumnTest {

    @Test
    void reportedTypeIsTheInspectedSpellingAndNotPartOfTheIdentity() {
        Column declared = Column.of("id", ColumnType.Named.of("integer"), false);
        Column inspected = declared.withRawType("INTEGER");

        assertThat(declared.reportedType()).isEqualTo("integer");
        assertThat(inspected.reportedType()).isEqualTo("INTEGER");
        assertThat(inspected).isEqualTo(declared).hasSameHashCodeAs(declared);
        assertThat(inspected.withOptions(Map.of("a", "b")).rawType()).contains("INTEGER");
        assertThat(inspected.withType(ColumnType.Named.of("int")).rawType()).isEmpty();
    }
}
