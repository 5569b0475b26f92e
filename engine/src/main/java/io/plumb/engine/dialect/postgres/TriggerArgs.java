package io.plumb.engine.dialect.postgres;

import java.util.ArrayList;
import java.util.List;

/** {@code TriggerArgs} reads back the argument list the model keeps after a trigger's function: {@code ('a', 'b')}. */
final class TriggerArgs {

    private TriggerArgs() {}

    /** Returns the string literals of a parenthesised list, unquoted. */
    static List<String> parse(String list) {
        List<String> args = new ArrayList<>();
        int i = 0;
        while (i < list.length()) {
            if (list.charAt(i) != '\'') {
                i++;
                continue;
            }
            StringBuilder value = new StringBuilder();
            i++;
            while (i < list.length()) {
                char c = list.charAt(i);
                if (c == '\'' && i + 1 < list.length() && list.charAt(i + 1) == '\'') {
                    value.append('\'');
                    i += 2;
                } else if (c == '\'') {
                    i++;
                    break;
                } else {
                    value.append(c);
                    i++;
                }
            }
            args.add(value.toString());
        }
        return args;
    }
}
