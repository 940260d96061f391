package io.stellaops.airlock.app.checklist;

/** Text from servers and files made safe to print and to put in canonical JSON. */
final class Printable {
    static final int MAX_EXCERPT = 200;

    private Printable() {
    }

    /** Control characters folded into spaces. */
    static String clean(String text) {
        return text.replaceAll("[\\x00-\\x1f\\x7f]", " ");
    }

    /** At most {@link #MAX_EXCERPT} characters of a server's text, cleaned, with an ellipsis when cut. */
    static String excerpt(String text) {
        String clean = clean(text).strip();
        return clean.length() <= MAX_EXCERPT ? clean : clean.substring(0, MAX_EXCERPT) + "...";
    }
}
