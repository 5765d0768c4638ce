package org.liuhua.training.staff.domain;

import java.util.Locale;

/**
 * A national ID number as it is kept: never in clear, only a keyed hash (to recognise the same person again) and a
 * masked form to show ({@code 320***********123X}). {@link #valid} checks the 18-character form and its check digit
 * (GB 11643).
 */
public record IdentityNumber(String hash, String masked) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public static String normalise(String clear) {
        return clear == null ? null : clear.trim().toUpperCase(Locale.ROOT);
    }

    public static boolean valid(String clear) {
        String id = normalise(clear);
        if (id == null || !id.matches("\\d{17}[\\dX]")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK[sum % 11] == id.charAt(17);
    }

    public static String mask(String clear) {
        String id = normalise(clear);
        return id.substring(0, 3) + "*".repeat(id.length() - 7) + id.substring(id.length() - 4);
    }
}
