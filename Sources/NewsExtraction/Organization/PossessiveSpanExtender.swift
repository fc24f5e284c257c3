/// Names around a possessive, after all ORG names are found (stage 2, last). Always: a
/// legal suffix after a possessive belongs to the name ("McDonald's Corp."). With rule
/// option `ontoNotesSpans` (true unless set false), OntoNotes' span convention too: a name
/// of two or more words keeps the possessive that follows it in its span ("Chrysler
/// Corp.'s", "the Commerce Department's", "Ministry of Foreign Affairs'"), a one-word name
/// does not ("Sony's profit" → "Sony"); the value stays the name without the possessive.
struct PossessiveSpanExtender {
    let context: OrganizationContext

    init(_ context: OrganizationContext) { self.context = context }

    /// The end (exclusive token index) of the possessive right after token `end - 1`, if any:
    /// "'s" glued, "’" + "s" glued, or a lone apostrophe glued after a word ending in "s".
    func possessiveEnd(after end: Int) -> Int? {
        let c = context
        guard end < c.count, c.glued(end) else { return nil }
        let f = c.packed[end]
        var e: Int
        if f == Word.possessive { e = end + 1 }
        else if f == Word.apostrophe && end + 1 < c.count && c.glued(end + 1) && c.isWord(end + 1, Word.s) { e = end + 2 }
        else if f == Word.apostrophe && c.folded(end - 1).hasSuffix("s") && (end + 1 >= c.count || !c.glued(end + 1)) { e = end + 1 }
        else { return nil }
        // Not a word that goes on ("'s-Hertogenbosch").
        if e < c.count && c.glued(e) && c.flags[e].contains(.alpha) { return nil }
        return e
    }

    /// Candidates with their possessive, for the ORG candidates of two or more words (a
    /// glued hyphen separates words, as OntoNotes' tokens do: "Georgia-Pacific's"). Only the
    /// name that would win at that end (highest priority, then longest) is extended, and not
    /// when another name goes on through the possessive ("Korean People's Army"). A legal
    /// suffix after the possessive belongs to the name ("McDonald's Corp.").
    func extended(candidates: [Candidate], rule: Rule) -> [Candidate] {
        let c = context
        guard candidates.indices.contains(where: { candidates[$0].type == .org }) else { return [] }
        // The candidate index of the best name at each end (candidates read in place, here and
        // below: a copy of each retains all its fields), and the possessives inside names: arrays by token
        // (-1, false: none), not a dictionary and a set (no hashing per candidate).
        var best = [Int32](repeating: -1, count: c.count + 1)
        var coveredPossessive = [Bool](repeating: false, count: c.count + 1)
        var ends: [Int] = []
        for index in candidates.indices where candidates[index].type == .org {
            guard let r = candidates[index].tokenRange, !r.isEmpty, r.upperBound <= c.count else { continue }
            if r.count >= 2 {
                for k in (r.lowerBound + 1)..<r.upperBound where c.isWord(k, Word.possessive) || c.isWord(k, Word.apostrophe) { coveredPossessive[k] = true }
            }
            let old = Int(best[r.upperBound])
            if old >= 0, let o = candidates[old].tokenRange,
               (candidates[old].priority, o.count) >= (candidates[index].priority, r.count) { continue }
            if old < 0 { ends.append(r.upperBound) }
            best[r.upperBound] = Int32(index)
        }
        let ontoNotesSpans = rule.options["ontoNotesSpans"] != .bool(false)
        var out: [Candidate] = []
        for end in ends {
            let b = Int(best[end])
            guard let r = candidates[b].tokenRange, !coveredPossessive[end],
                  let e = possessiveEnd(after: end) else { continue }
            // "McDonald's Corp.", "Standard & Poor's Corp.": the suffix is part of the name.
            if e < c.count, c.isLegalSuffix(e), c.flags[e].contains(.spaceBefore) {
                var s = e + 1
                if s < c.count && c.isWord(s, Word.period) && c.glued(s) && (s + 1 >= c.count || !c.startsSentence(s + 1)) { s += 1 }
                out.append(c.candidate(r.lowerBound..<s, rule: rule))
                continue
            }
            guard ontoNotesSpans else { continue }
            var words = 1
            for k in (r.lowerBound + 1)..<r.upperBound {
                if c.flags[k].contains(.spaceBefore) { words += 1 }
                else if c.isWord(k, Word.hyphen) && k + 1 < r.upperBound && c.glued(k + 1) { words += 1 }
            }
            guard words >= 2 else { continue }
            var made = c.candidate(r.lowerBound..<e, rule: rule)
            made.value = candidates[b].value
            made.fields = candidates[b].fields
            out.append(made)
        }
        return out.sorted { $0.start < $1.start }
    }
}
