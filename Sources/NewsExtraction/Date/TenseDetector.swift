/// Guesses whether the clause around a date speaks of the past or the future, from cue
/// words in vocabularies (`date_tense_past.tsv`: "was", "had"…; `date_tense_future.tsv`:
/// "will", "scheduled"…), reporting verbs (`date_tense_report.tsv`: "said") and the "-ed"
/// ending of past verbs, both weak. The nearest strong cue within the sentence wins (a
/// tie goes to the left), else the nearest weak one; a deadline word right before the
/// date (`date_tense_future_adjacent.tsv`: "by", "until", "as early as") means the future unless a strong
/// past cue says otherwise (on the left, or within three tokens after); modals
/// (`date_tense_future_left.tsv`: "would") count only before the date; no cue gives
/// `.unknown`.
public enum TenseDetector {
    /// How many tokens on each side are looked at.
    static let window = 10

    public static func tense(around range: Range<Int>, in document: SegmentedDocument) -> Tense {
        let cues = TenseCues.of(document)
        return document.tokens.withUnsafeBufferPointer { tense(around: range, in: document, tokens: $0, cues: cues) }
    }

    private static func tense(around range: Range<Int>, in document: SegmentedDocument,
                              tokens: UnsafeBufferPointer<Token>, cues: TenseCues) -> Tense {
        let vocabulary = document.vocabulary
        let future = cues.future, futureBeforeTo = cues.futureBeforeTo, futureLeft = cues.futureLeft
        let report = cues.report, past = cues.past, notPast = cues.notPast
        let possessive = range.upperBound < tokens.count && tokens[range.upperBound].folded == "'s"
        // (Tokens are read in place and compared with the cue words by lexicon id.)
        guard let base = tokens.baseAddress else { return .unknown }
        let hyphen = cues.hyphen, to = cues.to, was = cues.was, were = cues.were
        let be = cues.be, been = cues.been, being = cues.being
        /// The cue of token i and whether it is strong (a reporting verb like "said" is weak).
        func cue(_ i: Int) -> (Tense, strong: Bool)? {
            let t = base + i
            let flags = t.pointee.flags
            guard flags.contains(.alpha) || t.pointee.folded.hasPrefix("'") else { return nil }
            // A word inside a hyphenated compound is no verb ("lower-than-expected").
            if i > 0, !flags.contains(.spaceBefore), hyphen.matches(t - 1) { return nil }
            if future.contains(t) { return (.future, true) }
            // A plan or schedule: "set to resume", "plans to hold", "is to meet".
            if i + 1 < tokens.count, to.matches(t + 1), futureBeforeTo.contains(t) { return (.future, true) }
            // A modal before a possessive date ("would look for ways around Wednesday's
            // ruling") governs the main verb, not the event the date names.
            if i < range.lowerBound && !possessive && futureLeft.contains(t) { return (.future, true) }
            // A participle after "be" ("will be held", "to be paid") says nothing of the tense.
            if i > 0, be.matches(t - 1) || been.matches(t - 1) || being.matches(t - 1) { return nil }
            if report.contains(t) { return (.past, false) }
            // A past auxiliary before a plan ("were planning to", "was scheduled to", "was
            // due") speaks of what was ahead: the plan word decides, not the auxiliary.
            if i + 1 < tokens.count, was.matches(t) || were.matches(t) {
                let n = t + 1
                if future.contains(n) || futureLeft.contains(n)
                    || (i + 2 < tokens.count && to.matches(t + 2) && futureBeforeTo.contains(n)) { return nil }
            }
            if past.contains(t) { return (.past, true) }
            // "-ed" forms are weak: often participles ("will be paid Dec. 14").
            if flags.contains(.lower), t.pointee.folded.utf8.count >= 5, t.pointee.folded.hasSuffix("ed"), !notPast.contains(t) { return (.past, false) }
            return nil
        }
        /// A real sentence start: not the word after an abbreviation's period ("Aug. 30").
        func boundary(_ i: Int) -> Bool {
            guard base[i].flags.contains(.sentenceStart) else { return false }
            if i >= 2, base[i - 1].folded == ".", base[i - 2].folded.utf8.count <= 4, base[i - 2].flags.contains(.title) { return false }
            return true
        }
        // Nearest strong and weak cue on each side, by distance (left wins ties).
        var strong: (distance: Int, tense: Tense)? = nil
        var weak: (distance: Int, tense: Tense)? = nil
        func note(_ c: (Tense, strong: Bool), _ d: Int) {
            if c.strong { if strong == nil || d < strong!.distance { strong = (d, c.0) } }
            else if weak == nil || d < weak!.distance { weak = (d, c.0) }
        }
        // "by Dec. 15", "until March": a deadline ahead, unless a strong cue on the left says
        // otherwise ("had filed reports by Wednesday").
        var leftStrongPast = false
        // The word or phrase right before the date ("by", "as early as").
        var deadline = false
        // (Only when the previous word can end such a phrase: most cannot.)
        if range.lowerBound > 0 {
            let previous = tokens[range.lowerBound - 1].folded
            let lastWord = previous.utf8.contains(0x20)
                ? String(previous.split(separator: " ", omittingEmptySubsequences: false).last!) : previous
            if cues.deadlineLastWords.contains(lastWord) {
                var phrase = ""
                for k in stride(from: range.lowerBound - 1, through: max(0, range.lowerBound - 3), by: -1) {
                    phrase = phrase.isEmpty ? tokens[k].folded : tokens[k].folded + " " + phrase
                    if vocabulary.contains(TenseCues.deadlineList, phrase) { deadline = true; break }
                }
            }
        }
        // "since March": a time before now, whatever the clause says next.
        if range.lowerBound > 0, cues.pastAdjacent.contains(base + range.lowerBound - 1) { return .past }
        // The verb right before the date ("announced Friday", "issued on July 1") is the
        // one the date belongs to: its past form outweighs a modal farther away ("would
        // appeal the decision, announced Wednesday"; "said Friday it will…").
        var verb = range.lowerBound - 1
        if verb >= 0, cues.adjacentPreposition.contains(base + verb) { verb -= 1 }
        // A schedule in the present ("the council meets Monday", "they meet separately
        // Friday"): ahead. One "-ly" adverb may stand between.
        var scheduled = verb
        if scheduled >= 1, tokens[scheduled].folded.hasSuffix("ly"), tokens[scheduled].flags.contains(.lower) { scheduled -= 1 }
        if !deadline, scheduled >= 0, range.lowerBound < tokens.count, !boundary(range.lowerBound),
           cues.scheduleVerb.contains(base + scheduled),
           !(scheduled >= 1 && past.contains(base + scheduled - 1)) {
            return .future
        }
        if !deadline, verb >= 0, range.lowerBound < tokens.count, !boundary(range.lowerBound),
           verb + 1 == range.lowerBound || !boundary(verb + 1), let c = cue(verb), c.0 == .past {
            return .past
        }
        if range.lowerBound < tokens.count && !boundary(range.lowerBound) {
            var i = range.lowerBound - 1
            while i >= 0 && range.lowerBound - i <= window {
                if let c = cue(i) {
                    note(c, range.lowerBound - i)
                    if c.strong { leftStrongPast = c.0 == .past; break }
                }
                if boundary(i) { break }
                i -= 1
            }
        }
        let clauseBreak = cues.clauseBreak
        var i = range.upperBound
        while i < tokens.count && i - range.upperBound < window {
            // A reported clause after "that" has its own tense ("confirmed Friday that it will…").
            if boundary(i) || clauseBreak.contains(base + i) { break }
            if let c = cue(i) { note(c, i - range.upperBound + 1); if c.strong { break } }
            i += 1
        }
        // A deadline holds unless a strong past cue is on the left or right after the date
        // ("Until Thursday, they had not…").
        if deadline, leftStrongPast == false, !(strong?.tense == .past && strong!.distance <= 3) { return .future }
        if let t = strong?.tense ?? weak?.tense { return t }
        // Nothing near: a "will" farther left in the same sentence ("will be named commander
        // of the shuttle for a mission in December").
        let futureFar = cues.futureFar
        var k = range.lowerBound - 1
        while k >= 0 && range.lowerBound - k <= farWindow {
            if boundary(k + 1) { break }
            if futureFar.contains(base + k) { return .future }
            k -= 1
        }
        return .unknown
    }

    /// How far left a "will" is looked for when no cue is near.
    static let farWindow = 20
}
