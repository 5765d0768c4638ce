package org.liuhua.kit.domain;

/** How every service reads a free-text field of a request. */
public final class Text {

    private Text() {
    }

    /**
     * {@code null} for a missing or blank value, else the value without the white space around it, full-width spaces
     * (U+3000, common in Chinese input) included.
     */
    public static String strippedOrNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
