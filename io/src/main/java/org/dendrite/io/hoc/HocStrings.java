package org.dendrite.io.hoc;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** stdlib's {@code String} (an object holding one strdef {@code s}) and the {@code StringFunctions} class. */
final class HocStrings {
    private HocStrings() {}

    /** {@code new String("text")}: {@code obj.s} is a strdef. */
    static final class StringObject extends BuiltinObject {
        final StrRef s;

        StringObject(int index, String value) {
            super("String", index);
            this.s = new StrRef(value);
        }

        @Override
        Object get(HocInterpreter in, String name, int[] index, Ast.Node at) {
            if (name.equals("s")) return s;
            return super.get(in, name, index, at);
        }

        @Override
        void set(HocInterpreter in, String name, int[] index, Object value, Ast.Node at) {
            if (!name.equals("s")) super.set(in, name, index, value, at);
            s.value = HocInterpreter.string(value, at);
        }
    }

    /** {@code new StringFunctions()}: len, substr, head, tail, left, right, is_name. */
    static final class Functions extends BuiltinObject {
        Functions(int index) {
            super("StringFunctions", index);
        }

        private static StrRef out(List<Object> args, int i, Ast.Node at, String m) {
            if (i >= args.size() || !(args.get(i) instanceof StrRef)) {
                throw at.error("StringFunctions." + m + ": argument " + (i + 1) + " must be a strdef");
            }
            return (StrRef) args.get(i);
        }

        private static Matcher find(String regex, String text, Ast.Node at) {
            try {
                Matcher m = Pattern.compile(regex).matcher(text);
                return m.find() ? m : null;
            } catch (PatternSyntaxException e) {
                throw at.error("StringFunctions: bad pattern '" + regex + "'");
            }
        }

        @Override
        Object call(HocInterpreter in, String m, List<Object> args, Ast.Node at) {
            switch (m) {
                case "len": return (double) str(args, 0, at, m).length();
                case "substr": return (double) str(args, 0, at, m).indexOf(str(args, 1, at, m));
                case "head": {
                    String text = str(args, 0, at, m);
                    Matcher r = find(str(args, 1, at, m), text, at);
                    out(args, 2, at, m).value = r == null ? "" : text.substring(0, r.start());
                    return r == null ? -1.0 : (double) r.start();
                }
                case "tail": {
                    String text = str(args, 0, at, m);
                    Matcher r = find(str(args, 1, at, m), text, at);
                    out(args, 2, at, m).value = r == null ? "" : text.substring(r.end());
                    return r == null ? -1.0 : (double) r.end();
                }
                case "left": {
                    StrRef s = out(args, 0, at, m);
                    int n = (int) num(args, 1, at, m);
                    s.value = s.value.substring(0, Math.max(0, Math.min(n, s.value.length())));
                    return 1.0;
                }
                case "right": {
                    StrRef s = out(args, 0, at, m);
                    int n = (int) num(args, 1, at, m);
                    s.value = s.value.substring(Math.max(0, Math.min(n, s.value.length())));
                    return 1.0;
                }
                case "is_name": return in.lookup(str(args, 0, at, m)) != null ? 1.0 : 0.0;
                default: return super.call(in, m, args, at);
            }
        }
    }
}
