/// What the date modifier pass (`DateMatchers.modifier`) reads of its rule and vocabulary,
/// made once per rule, lexicon and thread instead of once per document: the rule's
/// options, the list's values, and which words can end an entry of the list — a bit per
/// lexicon id, so that the word before each date is tested without hashing it.
final class DateModifierTables {
    let rule: RuleHandle
    /// The lexicon the bits are for (held, so that its identity stays unique), or nil.
    let lexicon: Lexicon?
    /// The list of modifier phrases (option `vocab`, default `date_mod`) and its values.
    let list: String
    let values: [String: String]
    /// Option `rules`: only these rules' dates are extended.
    let only: [JSONValue]?
    /// Option `notPossessive`.
    let notPossessive: Bool
    /// Option `notBeforeDay` (a list name) and that list's phrases.
    let dayList: String?
    let dayPhrases: Set<String>
    /// Every form the last token of an entry of `list` can take (`Vocabulary.entryEnds`).
    private let ends: Set<String>
    /// With a lexicon: bit w set when word id w is in `ends`; and the forms the lexicon lacks.
    private let endIds: [UInt64]
    private let unlexedEnds: Set<String>

    init(rule: RuleHandle, document: SegmentedDocument) {
        self.rule = rule
        lexicon = document.lexicon
        let vocabulary = document.vocabulary
        list = rule.rule.option("vocab") ?? "date_mod"
        values = vocabulary.valuedEntries(list)
        if case .array(let rules)? = rule.rule.options["rules"] { only = rules } else { only = nil }
        notPossessive = rule.rule.options["notPossessive"] == .bool(true)
        dayList = rule.rule.option("notBeforeDay")
        dayPhrases = dayList.map { vocabulary.entries($0) } ?? []
        ends = vocabulary.entryEnds(list)
        var endIds: [UInt64] = [], unlexed: Set<String> = []
        if let lexicon {
            endIds = [UInt64](repeating: 0, count: lexicon.wordIds.count / 64 + 1)
            for form in ends {
                if let id = lexicon.wordIds[form] { endIds[Int(id) >> 6] |= 1 << UInt64(id & 63) } else { unlexed.insert(form) }
            }
        }
        self.endIds = endIds
        unlexedEnds = unlexed
    }

    /// Whether some entry of the list can end with this token's folded form (as
    /// `Vocabulary.canEndEntry`).
    @inline(__always)
    func canEndEntry(_ token: UnsafePointer<Token>) -> Bool {
        guard lexicon != nil else { return ends.contains(token.pointee.folded) }
        let lex = Int(token.pointee.lex)
        if lex >= 0 { return endIds[lex >> 6] >> UInt64(lex & 63) & 1 != 0 }
        return !unlexedEnds.isEmpty && unlexedEnds.contains(token.pointee.folded)
    }

    /// The tables of a matcher input's rule: the current thread's, when made for its rule and
    /// the document's lexicon. A document without a lexicon gets tables of its own.
    static func of(_ input: MatcherInput) -> DateModifierTables {
        let document = input.document
        guard let lexicon = document.lexicon else { return DateModifierTables(rule: input.ruleHandle, document: document) }
        let cache = slot.value ?? Cache()
        if cache.lexicon !== lexicon {
            cache.lexicon = lexicon
            cache.tables = []
            slot.value = cache
        }
        if let tables = cache.tables.first(where: { $0.rule === input.ruleHandle }) { return tables }
        let tables = DateModifierTables(rule: input.ruleHandle, document: document)
        cache.tables.append(tables)
        return tables
    }

    /// One thread's tables, for one lexicon.
    private final class Cache {
        var lexicon: Lexicon?
        var tables: [DateModifierTables] = []
    }

    private static let slot = ThreadLocalSlot<Cache>()
}
