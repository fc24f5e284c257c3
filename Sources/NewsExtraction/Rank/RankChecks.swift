/// Context checks that tell a ranking from a look-alike, for rules whose pattern
/// alone cannot: "third place" versus the idiom "in the first place", and "No. 2"
/// (a position) versus "No. 48" or "berth No. 9" (a document or item number).
enum RankChecks {
    /// Words after "the first place" that keep it a ranking ("the first place in the
    /// standings", "the fourth place of all fields").
    static let placeFollowers: Set<String> = ["in", "among", "of", "behind", "after", "with", "on", "at", "overall", "finish"]

    static let possessives: Set<String> = ["their", "its", "his", "her", "my", "our", "your"]

    /// "Nth place": false for "in the first place" and "the first place to look".
    static func isPlacing(_ span: Range<Int>, position: Int, in doc: SegmentedDocument) -> Bool {
        let tokens = doc.tokens
        let before = span.lowerBound > 0 ? tokens[span.lowerBound - 1].folded : ""
        // "their first spot at the World Cup in 32 years": a first occurrence.
        if position == 1 && possessives.contains(before) && tokens[span.upperBound - 1].folded == "spot" { return false }
        guard before == "the" && position == 1 else { return true }
        let after = span.upperBound < tokens.count ? tokens[span.upperBound].folded : ""
        return placeFollowers.contains(after)
    }

    /// Words right before "No. N" / "number N" that make it a position: a determiner or
    /// possessive ("the No. 2 automaker", "Japan's No. 1"), "world", or a ranking verb
    /// or copula ("ranked No. 1", "is No. 1").
    static let numberSignBefore: Set<String> = ["the", "a", "'s", "'", "world", "world's", "its", "their", "his", "her",
                                                "as", "at", "is", "was", "are", "were", "be", "been", "remains", "remained",
                                                "became", "become", "becomes", "now", "still", "new", "former", "seeded", "to", "distant"]

    /// "No. 2" as a position: a context word before it, a value up to 100 (up to 20
    /// unless "world" or a ranking verb precedes), and no "/" or further digits after.
    static func isNumberSign(_ span: Range<Int>, position: Int, in doc: SegmentedDocument) -> Bool {
        let tokens = doc.tokens
        // The span may start with "world" (world No. 1); the sign itself is "no"/"number".
        var signStart = span.lowerBound
        if tokens[signStart].folded == "world" { return position <= 1000 }
        while signStart < span.upperBound && !["no", "number"].contains(tokens[signStart].folded) { signStart += 1 }
        let before = signStart > 0 ? tokens[signStart - 1].folded : ""
        let after = span.upperBound < tokens.count ? tokens[span.upperBound] : nil
        if let a = after, (a.folded == "/" || a.has(.digit)) && a.flags.isDisjoint(with: .spaceBefore) { return false }
        if doc.vocabulary.contains("rank_verb", before) { return position <= 1000 }
        guard numberSignBefore.contains(before) else { return false }
        return position <= 20
    }
}
