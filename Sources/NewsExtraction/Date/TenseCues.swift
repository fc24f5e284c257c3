/// The word lists `TenseDetector` reads, made once per rule set and thread instead of once
/// per date: each list as a `WordList` (a bit test on the token's lexicon id), and the last
/// words of the deadline phrases ("as early as" → "as"), so that the phrases before a date
/// are looked up only when its previous token can end one.
final class TenseCues {
    let future, futureBeforeTo, futureLeft, report, past, notPast: WordList
    let pastAdjacent, adjacentPreposition, scheduleVerb, clauseBreak, futureFar: WordList
    /// The last words of the entries of `date_tense_future_adjacent`.
    let deadlineLastWords: Set<String>
    /// The single words the detector compares tokens with.
    let hyphen, to, be, been, being, was, were: Word

    /// One word as a test on tokens: their lexicon id where the lexicon has the word (no
    /// string compared), else their folded form.
    struct Word {
        let text: String
        /// The word's lexicon id, or -1: compare the folded form.
        let id: Int32

        init(_ text: String, _ lexicon: Lexicon?) {
            self.text = text
            id = lexicon.flatMap { $0.wordIds[text] } ?? -1
        }

        /// Whether the token's folded form is this word.
        @inline(__always)
        func matches(_ token: UnsafePointer<Token>) -> Bool {
            id >= 0 ? token.pointee.lex == id : token.pointee.folded == text
        }
    }
    /// The lexicon the lists were made for (held, so that its identity stays unique), or nil.
    let lexicon: Lexicon?

    init(_ document: SegmentedDocument) {
        func list(_ name: String) -> WordList { WordList(name, in: document) }
        future = list("date_tense_future")
        futureBeforeTo = list("date_tense_future_before_to")
        futureLeft = list("date_tense_future_left")
        report = list("date_tense_report")
        past = list("date_tense_past")
        notPast = list("date_tense_not_past")
        pastAdjacent = list("date_tense_past_adjacent")
        adjacentPreposition = list("date_tense_adjacent_preposition")
        scheduleVerb = list("date_tense_schedule_verb")
        clauseBreak = list("date_tense_clause_break")
        futureFar = list("date_tense_future_far")
        var last: Set<String> = []
        for entry in document.vocabulary.entries(TenseCues.deadlineList) {
            last.insert(entry.split(separator: " ").last.map(String.init) ?? entry)
        }
        deadlineLastWords = last
        lexicon = document.lexicon
        func word(_ text: String) -> Word { Word(text, document.lexicon) }
        (hyphen, to, was, were) = (word("-"), word("to"), word("was"), word("were"))
        (be, been, being) = (word("be"), word("been"), word("being"))
    }

    static let deadlineList = "date_tense_future_adjacent"

    /// The cues of a document's rule set: the current thread's, when it was made for the
    /// document's lexicon. A document without a lexicon (tests, `extract tokens`) gets its own.
    static func of(_ document: SegmentedDocument) -> TenseCues {
        guard let lexicon = document.lexicon else { return TenseCues(document) }
        if let cues = slot.value, cues.lexicon === lexicon { return cues }
        let cues = TenseCues(document)
        slot.value = cues
        return cues
    }

    private static let slot = ThreadLocalSlot<TenseCues>()
}
