package dev.mcpworkbench.inspector.rules.text;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.RandomAccess;

/**
 * Several lists read as one, in order, without copying them: a scan's strings are collected per
 * tool, and copying a large server's hundreds of thousands of them into one list cost as much
 * garbage as a tenth of the scan. Read-only; the parts must not change afterwards.
 */
final class ChainedList<T> extends AbstractList<T> implements RandomAccess {

    private final List<List<T>> parts;
    /** {@code starts[i]}: the index in this list of part i's first element; the last entry is the size. */
    private final int[] starts;

    ChainedList(List<List<T>> parts) {
        this.parts = List.copyOf(parts);
        this.starts = new int[this.parts.size() + 1];
        for (int i = 0; i < this.parts.size(); i++) starts[i + 1] = starts[i] + this.parts.get(i).size();
    }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size()) throw new IndexOutOfBoundsException(index);
        int found = Arrays.binarySearch(starts, index);
        // an empty part shares its start with the next one: take the last part starting there
        int part = found >= 0 ? found : -found - 2;
        while (part + 1 < parts.size() && starts[part + 1] == index) part++;
        return parts.get(part).get(index - starts[part]);
    }

    @Override
    public int size() {
        return starts[starts.length - 1];
    }

    @Override
    public Iterator<T> iterator() {
        return new Iterator<>() {
            private int part;
            private int next;

            @Override
            public boolean hasNext() {
                while (part < parts.size() && next >= parts.get(part).size()) {
                    part++;
                    next = 0;
                }
                return part < parts.size();
            }

            @Override
            public T next() {
                if (!hasNext()) throw new NoSuchElementException();
                return parts.get(part).get(next++);
            }
        };
    }
}
