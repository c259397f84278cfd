package httpd.inspect;

import java.util.ArrayList;
import java.util.List;

/**
 * The inspector's last events, numbered, in a ring of fixed size: adding one never waits for a reader, and when
 * the ring is full the oldest is overwritten. A reader that fell behind learns how many it missed, so a slow tab
 * costs the server nothing and loses only old events.
 */
final class EventRing {
    /** Events from a reader's position on, and how many before them it will never see. */
    record Batch(List<Event> events, long firstNumber, long dropped) {
    }

    /**
     * One event.
     *
     * @param kind its SSE event name: {@code exchange} or {@code connection}
     * @param json its data, one JSON object
     */
    record Event(String kind, String json) {
    }

    private final Event[] slots;
    /** The number the next event gets; events are numbered from 1. */
    private long next = 1;
    private boolean closed;

    EventRing(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive");
        }
        this.slots = new Event[capacity];
    }

    /** Adds an event, overwriting the oldest when full. */
    synchronized void add(Event event) {
        slots[(int) (next % slots.length)] = event;
        next++;
        notifyAll();
    }

    /** The number the next event will get: a reader starting now reads from here. */
    synchronized long next() {
        return next;
    }

    /**
     * The events numbered {@code from} on, waiting up to {@code waitMillis} for one when there are none yet.
     *
     * @return the batch (empty when none came, or the ring was closed)
     */
    synchronized Batch read(long from, long waitMillis) throws InterruptedException {
        long deadline = System.nanoTime() + waitMillis * 1_000_000;
        while (!closed && next <= from) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                break;
            }
            wait(left);
        }
        long oldest = Math.max(1, next - slots.length);
        long start = Math.max(from, oldest);
        List<Event> events = new ArrayList<>((int) Math.max(0, next - start));
        for (long number = start; number < next; number++) {
            events.add(slots[(int) (number % slots.length)]);
        }
        return new Batch(events, start, start - from);
    }

    /** Wakes every reader for the last time: the server is stopping. */
    synchronized void close() {
        closed = true;
        notifyAll();
    }

    synchronized boolean isClosed() {
        return closed;
    }

    int capacity() {
        return slots.length;
    }
}
