package io.syncer.core.library;

/**
 * The ratings of one movie from one user's point of view.
 *
 * @param yourRating the user's own rating (1 to 10), or {@code null}
 * @param average mean of all ratings, or {@code null} when there are none
 * @param count how many users rated the movie
 *     <p>Thread-safety: immutable.
 */
public record RatingSummary(Integer yourRating, Double average, int count) {}
