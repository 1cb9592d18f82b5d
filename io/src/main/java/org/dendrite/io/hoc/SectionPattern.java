package org.dendrite.io.hoc;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Section-name patterns of {@code forsec "..."}, {@code ifsec "..."} and {@code issection("...")}, with the
 * behaviour measured on NEURON 8.2: the pattern may match anywhere in the name; square brackets are literal
 * ({@code "dend[1]"} names one section); {@code ^} is a literal character; {@code .} and {@code *} keep
 * their regular-expression meaning; {@code <n-m>} matches any integer from n to m.
 */
final class SectionPattern {
    private final Pattern pattern;

    private SectionPattern(Pattern pattern) {
        this.pattern = pattern;
    }

    static SectionPattern compile(String p) {
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            if (c == '<') {
                int close = p.indexOf('>', i);
                String body = close > 0 ? p.substring(i + 1, close) : "";
                Matcher m = Pattern.compile("(\\d+)-(\\d+)").matcher(body);
                if (m.matches()) {
                    int a = Integer.parseInt(m.group(1)), b = Integer.parseInt(m.group(2));
                    re.append("(?:");
                    for (int k = Math.min(a, b); k <= Math.max(a, b); k++) {
                        if (k > Math.min(a, b)) re.append('|');
                        re.append(k);
                    }
                    re.append(')');
                    i = close;
                    continue;
                }
            }
            if (c == '.' || c == '*') {
                re.append(c);
            } else if (Character.isLetterOrDigit(c) || c == '_') {
                re.append(c);
            } else {
                re.append('\\').append(c);
            }
        }
        return new SectionPattern(Pattern.compile(re.toString()));
    }

    /** Whether the pattern occurs anywhere in the name (forsec, ifsec). */
    boolean matches(String name) {
        return pattern.matcher(name).find();
    }

    /** Whether the pattern matches the whole name (issection). */
    boolean matchesWhole(String name) {
        return pattern.matcher(name).matches();
    }
}
