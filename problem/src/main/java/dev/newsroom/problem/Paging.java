package dev.newsroom.problem;

/**
 * Which page of a list the APIs' list endpoints answer: {@code page} from 0, {@code size} from 1 to {@link #MAX_SIZE}
 * ({@link #DEFAULT_SIZE} when not given). A value that is not such a number is a 400 naming its parameter.
 */
public record Paging(int page, int size) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** The {@code page} and {@code size} query parameters as sent; null or blank when absent. */
    public static Paging of(String page, String size) {
        return new Paging(wholeNumber("page", page, 0, 0, Integer.MAX_VALUE / MAX_SIZE),
                wholeNumber("size", size, DEFAULT_SIZE, 1, MAX_SIZE));
    }

    private static int wholeNumber(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw ProblemException.invalid(name, "must be a whole number from " + min + " to " + max);
    }
}
