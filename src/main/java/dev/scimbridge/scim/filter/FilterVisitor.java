package dev.scimbridge.scim.filter;

/**
 * A visitor over the {@link Filter} AST, so each use (evaluation, planning, validation) lives in one class.
 *
 * @param <R> the result type
 * @param <P> a parameter passed down the tree
 */
public interface FilterVisitor<R, P> {
    R visitComparison(Filter.Comparison filter, P parameter);

    R visitPresent(Filter.Present filter, P parameter);

    R visitAnd(Filter.And filter, P parameter);

    R visitOr(Filter.Or filter, P parameter);

    R visitNot(Filter.Not filter, P parameter);

    R visitValuePath(Filter.ValuePath filter, P parameter);
}
