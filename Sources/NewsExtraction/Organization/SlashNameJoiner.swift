/// Company names joined by a slash, after the other ORG rules (stage 2): a merged company or
/// a joint venture is written "Bridgestone/Firestone", "MGM/UA", "Macmillan/McGraw-Hill". An
/// ORG name with a slash and a capitalized name right after it (or right before it) becomes
/// one name over both; an acronym hyphenated to another word in capitals too ("FT-SE").
/// Not when the other side is a place or a nationality ("Iran/Contra", "WCRS/Boston"), nor
/// across a sentence start.
struct SlashNameJoiner {
    let context: OrganizationContext

    init(_ context: OrganizationContext) { self.context = context }

    /// The end of the capitalized words from `k` (hyphen-joined parts included), or `k`.
    func nameEnd(from k: Int) -> Int {
        let c = context
        var e = k
        while e < c.count, c.isNameWord(e), e == k || c.flags[e].contains(.spaceBefore) || c.isWord(e - 1, Word.hyphen) {
            e += 1
            if e + 1 < c.count, c.isWord(e, Word.hyphen), c.glued(e), c.glued(e + 1), c.isNameWord(e + 1) { e += 1 }
        }
        return e
    }

    func joined(candidates: [Candidate], rule: Rule) -> [Candidate] {
        let c = context
        var out: [Candidate] = []
        var seen: Set<Int> = []
        // Spans other ORG rules found: a joined name they already cover (a legal-suffix name
        // over the slash) is left to them.
        var orgSpans: [Range<Int>] = []
        for index in candidates.indices where candidates[index].type == .org {
            if let r = candidates[index].tokenRange { orgSpans.append(r) }
        }
        // Candidates read in place (a copy of each retains all its fields).
        for index in candidates.indices where candidates[index].type == .org {
            guard let r = candidates[index].tokenRange, !r.isEmpty else { continue }
            var start = r.lowerBound, end = r.upperBound
            // "Bridgestone" + "/" + "Firestone …"
            if end + 1 < c.count, c.isWord(end, Word.slash), !c.startsSentence(end + 1) {
                let e = nameEnd(from: end + 1)
                if e > end + 1, !c.isPlaceOrNationality((end + 1)..<e) { end = e }
            }
            // An acronym hyphenated to another word in capitals: "FT" + "-" + "SE".
            if end + 1 < c.count, c.isWord(end, Word.hyphen), c.glued(end), c.glued(end + 1),
               c.flags[end - 1].contains(.upper), c.flags[end + 1].contains(.upper),
               c.flags[end + 1].contains(.alpha), !c.isPlaceOrNationality((end + 1)..<(end + 2)) {
                end += 2
            }
            // "… Macmillan" + "/" + "McGraw-Hill" (the candidate is the right side)
            if start >= 2, c.isWord(start - 1, Word.slash), !c.startsSentence(start), c.isNameWord(start - 2) {
                let s = OrganizationChunker(c).companyLeftEdge(from: start - 2)
                if !c.isPlaceOrNationality(s..<(start - 1)) { start = s }
            }
            guard (start, end) != (r.lowerBound, r.upperBound), seen.insert(start * 1_000_003 + end).inserted else { continue }
            if orgSpans.contains(where: { $0.lowerBound <= start && $0.upperBound >= end }) { continue }
            out.append(c.candidate(start..<end, rule: rule))
        }
        return out
    }
}
