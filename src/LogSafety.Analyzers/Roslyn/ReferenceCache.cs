using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Runtime.CompilerServices;

namespace LogSafety.Analyzers.Roslyn;

/// <summary>
/// A thread-safe cache whose dictionary holds references only. The JIT compiles <see cref="ConcurrentDictionary{TKey, TValue}"/>
/// again for every value type it is instantiated over (eight methods or more, up to tens of milliseconds in a cold
/// command-line build, where each analyzer pays for the code it runs first), while instantiations over reference types
/// share the code the compiler has already compiled for its own dictionaries. A struct value is boxed once, when added.
/// </summary>
internal sealed class ReferenceCache<TKey, TValue>
    where TKey : class
{
    private readonly ConcurrentDictionary<TKey, object?> _map;

    public ReferenceCache(IEqualityComparer<TKey> comparer) => _map = new ConcurrentDictionary<TKey, object?>(comparer);

    public int Count => _map.Count;

    public bool TryGetValue(TKey key, out TValue value)
    {
        if (_map.TryGetValue(key, out var known))
        {
            value = (TValue)known!;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>The value cached for <paramref name="key"/>: <paramref name="value"/>, unless another thread added one first.</summary>
    public TValue GetOrAdd(TKey key, TValue value) => (TValue)_map.GetOrAdd(key, value)!;

    public bool TryAdd(TKey key, TValue value) => _map.TryAdd(key, value);

    /// <summary>The cached value, else <paramref name="compute"/>'s; when threads race, every one gets the first value added.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute) =>
        (TValue)(_map.TryGetValue(key, out var known) ? known : _map.GetOrAdd(key, compute(key)))!;

    /// <inheritdoc cref="GetOrAdd(TKey, Func{TKey, TValue})"/>
    public TValue GetOrAdd<TArgument>(TKey key, Func<TKey, TArgument, TValue> compute, TArgument argument) =>
        (TValue)(_map.TryGetValue(key, out var known) ? known : _map.GetOrAdd(key, compute(key, argument)))!;
}

/// <summary>
/// A <see cref="ReferenceCache{TKey, TValue}"/> per scope object, compared by reference: a value cached per symbol and
/// per file options (every file with the same settings shares one options object).
/// </summary>
internal sealed class ScopedReferenceCache<TScope, TKey, TValue>
    where TScope : class
    where TKey : class
{
    private readonly ConditionalWeakTable<TScope, ReferenceCache<TKey, TValue>> _byScope = new();
    private readonly ConditionalWeakTable<TScope, ReferenceCache<TKey, TValue>>.CreateValueCallback _create;

    public ScopedReferenceCache(IEqualityComparer<TKey> comparer) => _create = _ => new ReferenceCache<TKey, TValue>(comparer);

    public TValue GetOrAdd(TKey key, TScope scope, Func<TKey, TScope, TValue> compute) =>
        _byScope.GetValue(scope, _create).GetOrAdd(key, compute, scope);
}
