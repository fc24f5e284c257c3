/// Links lower-case short mentions to a full name met earlier in the same document (stage 2):
/// "the ministry" after "Ministry of Foreign Affairs", "the council" after "Council for
/// Development of …". Only "the" + a head noun of the rule's `heads` option (institutions
/// that a document names once and then calls by their kind), only when exactly one full name
/// of the document has that head, after that name, and not before a complement ("the
/// ministry of finance" is another body) or a noun it modifies ("the ministry's", "the
/// council members" are taken only in the possessive form). The value is the full name.
struct LowerCaseMentionResolver {
    let context: OrganizationContext

    init(_ context: OrganizationContext) { self.context = context }

    /// Rules whose candidates count as full names.
    static let nameRules: [String] = ["org.head-noun", "org.gazetteer"]

    /// The mentions found: token index of the head noun and the full name.
    func mentions(candidates: [Candidate], heads: Set<String>) -> [(index: Int, value: String)] {
        let c = context
        guard !heads.isEmpty else { return [] }
        // Head word → (full name, token after the name's first occurrence); nil value = ambiguous.
        var names: [String: (value: String?, from: Int)] = [:]
        // Candidates read in place, field by field (a copy of each retains all its fields).
        for index in candidates.indices where candidates[index].type == .org && Self.nameRules.contains(candidates[index].rule) {
            guard let r = candidates[index].tokenRange, r.count >= 2, case .string(let value)? = candidates[index].value else { continue }
            // The name's head: the last capitalized word before its complement.
            var pre = r.upperBound
            for k in r where c.has(k, .lower) && (c.isWord(k, Word.of) || c.isWord(k, Word.forWord) || c.isWord(k, Word.on)) { pre = k; break }
            let h = pre - 1
            guard h > r.lowerBound || pre < r.upperBound, c.isHead(h) else { continue }
            let head = c.folded(h)
            guard heads.contains(head) else { continue }
            if let old = names[head] {
                if old.value != value { names[head] = (nil, old.from) }
            } else {
                names[head] = (value, r.upperBound)
            }
        }
        if names.isEmpty { return [] }
        // The heads' word hashes: a test before the dictionary.
        let headHashes = names.keys.map { GazetteerIndex.plainHash($0) }
        var found: [(Int, String)] = []
        // "the" first: rare, so the branch is predictable (a lower-case word is not).
        for i in 1..<max(1, c.count) where c.isWord(i - 1, Word.the) && c.has(i, .lower) {
            guard headHashes.contains(c.wordHashes[i]) else { continue }
            guard let entry = names[c.folded(i)], let value = entry.value, entry.from <= i else { continue }
            if i + 1 < c.count {
                let n = c.flags[i + 1]
                // "the ministry of finance", "the council members", "the council-appointed".
                if n.contains(.lower) && (c.isWord(i + 1, Word.of) || c.isWord(i + 1, Word.forWord) || c.isWord(i + 1, Word.on)) { continue }
                if n.contains(.alpha) && !n.contains(.lower) && !c.startsSentence(i + 1) { continue }
                if c.isWord(i + 1, Word.hyphen) && c.glued(i + 1) { continue }
                if n.contains(.lower) && n.contains(.alpha) && c.inList(.contextPossessed, i + 1) { continue }
            }
            found.append((i, value))
        }
        return found
    }
}
