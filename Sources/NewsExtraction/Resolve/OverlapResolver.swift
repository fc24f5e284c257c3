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
        let (kept, discarded) = resolveIndices(candidates, keepDiscarded: keepDiscarded)
        return (kept.map { candidates[$0] }, discarded)
    }

    /// The same, the kept candidates given by their indices in `candidates` (in output
    /// order): stage 6 reads them in place instead of copying each.
    static func resolveIndices(_ candidates: [Candidate], keepDiscarded: Bool = false) -> (kept: [Int], discarded: [Discarded]) {
        if candidates.count <= 1 { return (Array(candidates.indices), []) }
        return candidates.withUnsafeBufferPointer { buffer in
            let base = buffer.baseAddress!
            var order = Array(0..<buffer.count)
            order.sort { ranks(base + $0, $0, before: base + $1, $1) }
            // Indices of kept candidates, in the order they were taken.
            var keptIndices: [Int] = []
            var discarded: [Discarded] = []
            // Which UTF-16 units kept candidates cover, one bit each: a candidate clashes
            // when any unit of its span is taken. Linear in the text (a sorted array of
            // spans with insertions was quadratic on a long document).
            var maxEnd = 0
            for i in 0..<buffer.count { maxEnd = max(maxEnd, base[i].end) }
            var taken = [UInt64](repeating: 0, count: maxEnd / 64 + 1)
            func isFree(_ start: Int, _ end: Int) -> Bool {
                var u = start
                while u < end {
                    if u & 63 == 0 && end - u >= 64 {
                        if taken[u >> 6] != 0 { return false }
                        u += 64
                    } else {
                        if taken[u >> 6] & (1 << UInt64(u & 63)) != 0 { return false }
                        u += 1
                    }
                }
                return true
            }
            for ci in order {
                let c = base + ci
                let cStart = c.pointee.start, cEnd = c.pointee.end
                if !isFree(cStart, cEnd) {
                    if keepDiscarded, let w = keptIndices.lazy.map({ base[$0] }).first(where: { $0.start < cEnd && cStart < $0.end }) {
                        discarded.append(Discarded(candidate: c.pointee, reason: "overlaps \(w.type) [\(w.start),\(w.end)) of rule \(w.rule)"))
                    }
                    continue
                }
                for u in cStart..<cEnd { taken[u >> 6] |= 1 << UInt64(u & 63) }
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
            return (outputOrder.map { keptIndices[$0] }, discarded)
        }
    }
}
