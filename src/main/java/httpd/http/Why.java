package httpd.http;

/**
 * Where a handler tells the decisions it takes ({@link Decision}), for the inspector and {@code --trace}. When
 * nobody listens the exchange passes {@link #NONE}, whose calls do nothing: the details handed in are values the
 * handler has anyway, and no line is made.
 */
public interface Why {
    /** Nobody listens. */
    Why NONE = new Why() { };

    default void note(Decision decision) {
    }

    default void note(Decision decision, String detail) {
    }

    default void note(Decision decision, String detail, String other) {
    }
}
