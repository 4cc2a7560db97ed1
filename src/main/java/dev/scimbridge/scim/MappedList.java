package dev.scimbridge.scim;

import java.util.AbstractList;
import java.util.List;
import java.util.function.Function;

/**
 * A read-only view of a list that maps an element each time it is read and keeps nothing, so iterating
 * it once holds one mapped element at a time. List pages use it to decrypt, render and project a user
 * only while {@link ListResponse#writeTo} writes it.
 */
public final class MappedList<T, R> extends AbstractList<R> {
    private final List<T> source;
    private final Function<? super T, ? extends R> mapping;

    private MappedList(List<T> source, Function<? super T, ? extends R> mapping) {
        this.source = source;
        this.mapping = mapping;
    }

    /** {@code source} seen through {@code mapping}; {@code source} is not copied. */
    public static <T, R> List<R> of(List<T> source, Function<? super T, ? extends R> mapping) {
        return new MappedList<>(source, mapping);
    }

    @Override
    public R get(int index) {
        return mapping.apply(source.get(index));
    }

    @Override
    public int size() {
        return source.size();
    }
}
