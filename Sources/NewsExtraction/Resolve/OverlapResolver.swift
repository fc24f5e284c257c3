/// Stage 5 of the pipeline, the one overlap policy: no two output entities overlap.
/// Candidates are ranked by rule priority (higher first), then length (longer first),
/// then start (earlier first), then type and rule id (for determinism), and taken
/// greedily; a candidate that overlaps one already taken is discarded.
public enum OverlapResolver {
    /// A candidate that lost, with the one that beat it.
    public struct Discarded: Sendable {
        public var candidate: Candidate
        public var reason: String
    }

    /// Ranks candidates: true when `a` wins over `b`.
    static func ranks(_ a: Candidate, before b: Candidate) -> Bool {
        if a.priority != b.priority { return a.priority > b.priority }
        if a.length != b.length { return a.length > b.length }
        if a.start != b.start { return a.start < b.start }
        if a.type != b.type { return a.type < b.type }
        return a.rule < b.rule
    }

    /// Ranks candidates through pointers (no copies, no reference counting): true when `a`
    /// wins over `b`; ties keep input order (`ia` < `ib`), as a stable sort would.
    @inline(__always)
    static func ranks(_ a: UnsafePointer<Candidate>, _ ia: Int, before b: UnsafePointer<Candidate>, _ ib: Int) -> Bool {
        if a.pointee.priority != b.pointee.priority { return a.pointee.priority > b.pointee.priority }
        let la = a.pointee.end - a.pointee.start, lb = b.pointee.end - b.pointee.start
        if la != lb { return la > lb }
        if a.pointee.start != b.pointee.start { return a.pointee.start < b.pointee.start }
        if a.pointee.type != b.pointee.type { return a.pointee.type < b.pointee.type }
        if a.pointee.rule != b.pointee.rule { return a.pointee.rule < b.pointee.rule }
        return ia < ib
    }

    /// The kept candidates sorted by (start, end, type), and the discarded ones when asked.
    /// Sorting works on indices, so candidates (each holding several references) are not
    /// moved or copied while ranking.
    public static func resolve(_ candidates: [Candidate], keepDiscarded: Bool = false) -> (kept: [Candidate], discarded: [Discarded]) {
        if candidates.count <= 1 { return (candidates, []) }
        return candidates.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var order = Array(0..<buffer.count)
            order.sort { ranks(base + $0, $0, before: base + $1, $1) }
            // Indices of kept candidates, in the order they were taken.
            var keptIndices: [Int] = []
            var discarded: [Discarded] = []
            // Kept spans sorted by start, for overlap lookup by binary search.
            var spans: [(start: Int, end: Int, index: Int)] = []
            for ci in order {
                let c = base + ci
                let cStart = c.pointee.start, cEnd = c.pointee.end
                // Find the first kept span whose start is >= c.start; check it and its predecessor.
                var lo = 0, hi = spans.count
                while lo < hi { let mid = (lo + hi) / 2; if spans[mid].start < cStart { lo = mid + 1 } else { hi = mid } }
                var clash: Int? = nil
                if lo < spans.count && spans[lo].start < cEnd { clash = spans[lo].index }
                if clash == nil && lo > 0 && spans[lo - 1].end > cStart { clash = spans[lo - 1].index }
                if let clash {
                    if keepDiscarded {
                        let w = base[keptIndices[clash]]
                        discarded.append(Discarded(candidate: c.pointee, reason: "overlaps \(w.type) [\(w.start),\(w.end)) of rule \(w.rule)"))
                    }
                    continue
                }
                spans.insert((cStart, cEnd, keptIndices.count), at: lo)
                keptIndices.append(ci)
            }
            // Output order (start, end, type); ties keep the order they were taken in.
            var outputOrder = Array(keptIndices.indices)
            outputOrder.sort { x, y in
                let a = base + keptIndices[x], b = base + keptIndices[y]
                if a.pointee.start != b.pointee.start { return a.pointee.start < b.pointee.start }
                if a.pointee.end != b.pointee.end { return a.pointee.end < b.pointee.end }
                if a.pointee.type != b.pointee.type { return a.pointee.type < b.pointee.type }
                return x < y
            }
            var kept: [Candidate] = []
            kept.reserveCapacity(outputOrder.count)
            for x in outputOrder { kept.append(base[keptIndices[x]]) }
            return (kept, discarded)
        }
    }
}
