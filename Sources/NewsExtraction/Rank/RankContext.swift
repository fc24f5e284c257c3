/// Reads the scope and criterion of a ranking from the tokens around its span:
/// a possessive before it ("Europe's second biggest bank" → scope "Europe"), a noun
/// phrase after it ("third-largest oil producer" → criterion "oil producer"), a
/// prepositional phrase after it ("12th in the world" → scope "the world", "among 190
/// countries"), and "in terms of X" / "by X" later in the clause (criterion X).
/// Word lists: `rank_scope_noun`, `rank_function_word`.
struct RankContext {
    let document: SegmentedDocument
    var tokens: [Token] { document.tokens }
    var vocabulary: Vocabulary { document.vocabulary }

    static let scopeNouns = "rank_scope_noun"
    static let functionWords = "rank_function_word"

    /// "Japan's", "the world's", "West Germany's" right before token `start` (or
    /// before "the"/"a" right before it): the scope text, or nil.
    func possessiveScope(before start: Int) -> String? {
        var k = start - 1
        if k >= 0 && ["the", "a", "its", "their"].contains(tokens[k].folded) { return nil }
        guard k >= 1, tokens[k].folded == "'s" || tokens[k].folded == "'" else { return nil }
        k -= 1
        let end = k + 1
        if tokens[k].has(.lower) {
            // "the world's", "the country's"
            guard vocabulary.contains(Self.scopeNouns, tokens[k].folded) else { return nil }
            var s = k
            if s >= 1 && tokens[s - 1].folded == "the" { s -= 1 }
            return document.text(tokens: s..<end)
        }
        var s = k
        while s >= 0 && (tokens[s].has(.title) || tokens[s].has(.upper) || tokens[s].folded == ".") && !tokens[s].has(.sentenceStart) {
            s -= 1
            if end - s > 4 { break }
        }
        if s >= 0 && tokens[s].has(.sentenceStart) && (tokens[s].has(.title) || tokens[s].has(.upper)) { s -= 1 }
        s += 1
        while s < end && tokens[s].folded == "." { s += 1 }
        guard s < end else { return nil }
        return document.text(tokens: s..<end)
    }

    /// The noun phrase right after token `end` (exclusive): lower-case words that are
    /// not function words, at most two ("oil producer", "car maker"; without a
    /// part-of-speech tagger a longer run would take in the verb), hyphen-joined
    /// parts included. Returns the text
    /// and the index after it.
    func criterionNoun(after end: Int) -> (text: String, end: Int)? {
        var k = end
        var words = 0
        while k < tokens.count && words < 2 {
            let t = tokens[k]
            if t.folded == "-" && t.flags.isDisjoint(with: .spaceBefore) && k > end { k += 1; continue }
            guard t.has(.alpha), t.has(.lower), !vocabulary.contains(Self.functionWords, t.folded) else { break }
            // A word in -ed is most likely the verb ("the world number one reeled off…").
            if t.folded.hasSuffix("ed") && t.folded.count > 4 { break }
            words += 1
            k += 1
        }
        while k > end && tokens[k - 1].folded == "-" { k -= 1 }
        guard k > end else { return nil }
        return (document.text(tokens: end..<k), k)
    }

    /// A scope phrase starting at token `start`: "in the world", "among 190 countries",
    /// "in West Asia", "on record". Returns the scope text (without the preposition),
    /// or the phrase as a criterion when it names no place or group ("in persuasiveness"),
    /// and the index after it.
    func scopePhrase(at start: Int) -> (scope: String?, criterion: String?, end: Int)? {
        guard start < tokens.count else { return nil }
        let prep = tokens[start].folded
        guard ["in", "among", "on", "across", "within", "of"].contains(prep) else { return nil }
        var k = start + 1
        // "in terms of X" is a criterion.
        if prep == "in", k + 1 < tokens.count, tokens[k].folded == "terms", tokens[k + 1].folded == "of" { return nil }
        if k < tokens.count && ["the", "all", "a"].contains(tokens[k].folded) { k += 1 }
        let phraseStart = k
        var sawTitle = false, sawScopeNoun = false, sawNumber = false
        while k < tokens.count && k - phraseStart < 6 {
            let t = tokens[k]
            if t.has(.title) || t.has(.upper) { sawTitle = true; k += 1; continue }
            if t.folded == "." && k > phraseStart && tokens[k - 1].has(.upper) { k += 1; continue }
            if t.folded == "'s" && k > phraseStart && tokens[k - 1].has(.title) { k += 1; continue }
            if t.has(.number) && t.has(.digit) { sawNumber = true; k += 1; continue }
            if t.has(.alpha) && t.has(.lower) && !vocabulary.contains(Self.functionWords, t.folded) {
                if vocabulary.contains(Self.scopeNouns, t.folded) { sawScopeNoun = true }
                k += 1
                continue
            }
            break
        }
        guard k > phraseStart else { return nil }
        let text = document.text(tokens: (start + 1)..<k)
        if prep == "of" { return sawScopeNoun || sawTitle ? (text, nil, k) : (nil, nil, k) }
        // A figure makes a scope only after "among" ("among 190 countries"); "in 2003" is a
        // date and "on 17 points" a score.
        if sawNumber && !sawTitle && !sawScopeNoun && prep != "among" { return (nil, nil, k) }
        if sawTitle || sawScopeNoun || prep == "among" { return (text, nil, k) }
        if prep == "on" { return (nil, nil, k) }
        return (nil, text, k)
    }

    /// "in terms of X", "by X" (by sales, by assets) after token `start`, within the
    /// clause (up to a sentence or clause punctuation mark), as a criterion.
    func laterCriterion(after start: Int) -> String? {
        var k = start
        while k < tokens.count && k - start < 25 {
            let f = tokens[k].folded
            if [".", ";", ":", "!", "?", ","].contains(f) { return nil }
            if f == "in", k + 2 < tokens.count, tokens[k + 1].folded == "terms", tokens[k + 2].folded == "of" {
                return criterionPhrase(at: k + 3)
            }
            if f == "by", k + 1 < tokens.count, tokens[k + 1].has(.lower), tokens[k + 1].has(.alpha),
               !vocabulary.contains(Self.functionWords, tokens[k + 1].folded) {
                return criterionPhrase(at: k + 1)
            }
            k += 1
        }
        return nil
    }

    /// A noun phrase (any case) from `start` to a function word or punctuation.
    func criterionPhrase(at start: Int) -> String? {
        var k = start
        while k < tokens.count && k - start < 5 {
            let t = tokens[k]
            if t.has(.alpha) && !vocabulary.contains(Self.functionWords, t.folded) { k += 1; continue }
            if t.folded == "-" && k > start { k += 1; continue }
            break
        }
        while k > start && tokens[k - 1].folded == "-" { k -= 1 }
        guard k > start else { return nil }
        return document.text(tokens: start..<k)
    }

    /// Scope and criterion of a ranking spanning `span`; `nounCriterion` reads a noun
    /// phrase right after the span as the criterion ("third-largest oil producer").
    func fields(span: Range<Int>, nounCriterion: Bool) -> [String: JSONValue] {
        var fields: [String: JSONValue] = [:]
        if let s = possessiveScope(before: span.lowerBound) { fields["scope"] = .string(s) }
        var k = span.upperBound
        if nounCriterion, let c = criterionNoun(after: k) {
            fields["criterion"] = .string(c.text)
            k = c.end
        }
        // Up to two phrases: "12th in the world in nanotechnology", "the fourth place
        // of all fields in the whole country".
        for _ in 0..<2 {
            guard let p = scopePhrase(at: k) else { break }
            if let s = p.scope, fields["scope"] == nil { fields["scope"] = .string(s) }
            if let c = p.criterion, fields["criterion"] == nil { fields["criterion"] = .string(c) }
            k = p.end
        }
        if fields["criterion"] == nil, let c = laterCriterion(after: k) { fields["criterion"] = .string(c) }
        return fields
    }
}
