/// Finds a qualifier phrase ("more than", "about", "up to"…, list `percent_qualifier`)
/// that ends right before a figure, and widens the match to include it, adding the
/// field `qualifier` with the list's value ("more-than", "about"…). The longest phrase
/// wins; phrases have at most four words.
enum PercentQualifier {
    static let list = "percent_qualifier"
    static let maxWords = 4

    /// The start token and value of the qualifier ending right before token `start`.
    static func find(before start: Int, in document: SegmentedDocument) -> (start: Int, value: String)? {
        let tokens = document.tokens
        guard start > 0 else { return nil }
        // Every phrase ends with the word before the figure: when no entry can end with it
        // (most figures), no phrase is built or looked up.
        let last = tokens[start - 1].folded
        if !last.utf8.contains(0x20) && !document.vocabulary.canEndEntry(list, last) { return nil }
        let values = document.vocabulary.valuedEntries(list)
        var best: (Int, String)? = nil
        var phrase = ""
        var k = start - 1
        var words = 0
        while k >= 0 && words < maxWords {
            let t = tokens[k]
            guard t.has(.alpha) else { break }
            phrase = phrase.isEmpty ? t.folded : t.folded + " " + phrase
            words += 1
            if let v = values[phrase], !isVerbParticle(v, at: k, in: document) { best = (k, v) }
            if t.has(.lineStart) { break }
            k -= 1
        }
        return best
    }

    /// "inched up to 47.6%": after a past-tense verb, "up" belongs to the verb and
    /// "up to" is no qualifier.
    static func isVerbParticle(_ value: String, at k: Int, in document: SegmentedDocument) -> Bool {
        guard value == "up-to", k > 0 else { return false }
        let prev = document.tokens[k - 1]
        return prev.has(.lower) && prev.folded.count > 3 && prev.folded.hasSuffix("ed")
    }

    /// The normalization with the qualifier before the match (if any) attached.
    static func attach(to m: RuleMatch, _ n: Normalization) -> Normalization? {
        var n = n
        let range = n.range ?? m.range
        if n.fields["qualifier"] == nil, let q = find(before: range.lowerBound, in: m.document) {
            n.fields["qualifier"] = .string(q.value)
            n.range = q.start..<range.upperBound
        }
        return n
    }
}
