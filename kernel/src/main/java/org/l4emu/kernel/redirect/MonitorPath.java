package org.l4emu.kernel.redirect;

import java.util.Arrays;
import org.l4emu.kernel.object.Thread;
import org.l4emu.kernel.system.MonitorClass;

/**
 * Monitors on a message's path, in path order, each with the class of the rule that put it
 * there (R1). The storage belongs to one kernel record (a monitored IPC, a send, a scratch
 * path) and is refilled in place, so that following a path allocates nothing once it has
 * grown to the number of monitors in use.
 */
public final class MonitorPath {
    private static final int INITIAL_CAPACITY = 4;

    private Thread[] monitors = new Thread[INITIAL_CAPACITY];
    private MonitorClass[] classes = new MonitorClass[INITIAL_CAPACITY];
    private int size;

    public int size() {
        return size;
    }

    public boolean isEmpty() {
        return size == 0;
    }

    public Thread monitor(int index) {
        return monitors[checked(index)];
    }

    public MonitorClass monitorClass(int index) {
        return classes[checked(index)];
    }

    /** True when the first monitor ahead is of {@code monitorClass}. */
    public boolean startsWith(MonitorClass monitorClass) {
        return size > 0 && classes[0] == monitorClass;
    }

    public int indexOf(Thread monitor) {
        for (int i = 0; i < size; i++) {
            if (monitors[i] == monitor) {
                return i;
            }
        }
        return -1;
    }

    public boolean contains(Thread monitor) {
        return indexOf(monitor) >= 0;
    }

    /** The first monitor of {@code monitorClass}, or {@code otherwise} when there is none. */
    public Thread first(MonitorClass monitorClass, Thread otherwise) {
        for (int i = 0; i < size; i++) {
            if (classes[i] == monitorClass) {
                return monitors[i];
            }
        }
        return otherwise;
    }

    public void clear() {
        truncate(0);
    }

    public void add(Thread monitor, MonitorClass monitorClass) {
        if (size == monitors.length) {
            monitors = Arrays.copyOf(monitors, size * 2);
            classes = Arrays.copyOf(classes, size * 2);
        }
        monitors[size] = monitor;
        classes[size] = monitorClass;
        size++;
    }

    /** Keeps the first {@code length} monitors and drops the rest. */
    public void truncate(int length) {
        Arrays.fill(monitors, length, size, null);
        Arrays.fill(classes, length, size, null);
        size = length;
    }

    /** Drops the first monitor: the message has reached it. */
    public void removeFirst() {
        System.arraycopy(monitors, 1, monitors, 0, size - 1);
        System.arraycopy(classes, 1, classes, 0, size - 1);
        truncate(size - 1);
    }

    /** Appends the monitors of {@code other} from index {@code from} on ({@code other} is not this path). */
    public void addFrom(MonitorPath other, int from) {
        for (int i = from; i < other.size; i++) {
            add(other.monitors[i], other.classes[i]);
        }
    }

    /** Becomes a copy of {@code other} from index {@code from} on ({@code other} is not this path). */
    public void copyFrom(MonitorPath other, int from) {
        clear();
        addFrom(other, from);
    }

    /** Becomes the monitors of {@code other} whose class is later than {@code monitorClass} (R5). */
    public void copyLaterThan(MonitorPath other, MonitorClass monitorClass) {
        clear();
        for (int i = 0; i < other.size; i++) {
            if (other.classes[i].compareTo(monitorClass) > 0) {
                add(other.monitors[i], other.classes[i]);
            }
        }
    }

    /**
     * Becomes the monitors of {@code other} of class {@code monitorClass} or later that are not
     * among the first {@code passedLength} of {@code passed} ({@code other} is not this path).
     */
    public void copyNotPassed(MonitorPath other, MonitorClass monitorClass, MonitorPath passed, int passedLength) {
        clear();
        for (int i = 0; i < other.size; i++) {
            int at = passed.indexOf(other.monitors[i]);
            if (other.classes[i].compareTo(monitorClass) >= 0 && (at < 0 || at >= passedLength)) {
                add(other.monitors[i], other.classes[i]);
            }
        }
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("hop " + index + " of a path of " + size);
        }
        return index;
    }
}
