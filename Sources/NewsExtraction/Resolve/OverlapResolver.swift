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

    /// The kept candidates sorted by (start, end, type), and the discarded ones when asked.
    public static func resolve(_ candidates: [Candidate], keepDiscarded: Bool = false) -> (kept: [Candidate], discarded: [Discarded]) {
        if candidates.count <= 1 { return (candidates, []) }
        let ranked = candidates.sorted(by: ranks)
        var kept: [Candidate] = []
        var discarded: [Discarded] = []
        // Kept spans sorted by start, for overlap lookup by binary search.
        var spans: [(start: Int, end: Int, index: Int)] = []
        for c in ranked {
            // Find the first kept span whose start is >= c.start; check it and its predecessor.
            var lo = 0, hi = spans.count
            while lo < hi { let mid = (lo + hi) / 2; if spans[mid].start < c.start { lo = mid + 1 } else { hi = mid } }
            var clash: Int? = nil
            if lo < spans.count && spans[lo].start < c.end { clash = spans[lo].index }
            if clash == nil && lo > 0 && spans[lo - 1].end > c.start { clash = spans[lo - 1].index }
            if let clash {
                if keepDiscarded {
                    let w = kept[clash]
                    discarded.append(Discarded(candidate: c, reason: "overlaps \(w.type) [\(w.start),\(w.end)) of rule \(w.rule)"))
                }
                continue
            }
            spans.insert((c.start, c.end, kept.count), at: lo)
            kept.append(c)
        }
        kept.sort { a, b in
            if a.start != b.start { return a.start < b.start }
            if a.end != b.end { return a.end < b.end }
            return a.type < b.type
        }
        return (kept, discarded)
    }
}
