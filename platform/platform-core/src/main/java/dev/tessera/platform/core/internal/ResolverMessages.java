package dev.tessera.platform.core.internal;

/** Shortens Karaf resolver errors to the part a person can act on: the innermost missing requirement. */
final class ResolverMessages {
    private static final String MISSING = "missing requirement";

    private ResolverMessages() {
    }

    static String summarize(Throwable failure) {
        Throwable t = failure;
        String message = null;
        while (t != null) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                message = t.getMessage();
            }
            if (t.getCause() == t) {
                break;
            }
            t = t.getCause();
        }
        return summarize(message == null ? failure.getClass().getSimpleName() : message);
    }

    static String summarize(String message) {
        String text = message.replaceAll("\\s+", " ").trim();
        int last = text.lastIndexOf(MISSING);
        if (last < 0) {
            return text;
        }
        String innermost = text.substring(last);
        // drop the closing brackets of the enclosing "caused by" chain
        innermost = innermost.replaceAll("[\\]\\s]+$", "");
        int open = count(innermost, '[');
        int close = count(innermost, ']');
        StringBuilder sb = new StringBuilder(innermost);
        for (int i = close; i < open; i++) {
            sb.append(']');
        }
        return "cannot resolve: " + sb;
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
