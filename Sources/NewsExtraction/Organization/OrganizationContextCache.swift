import Foundation

/// The ORG word lists a word belongs to, one bit each, plus the kinds of head nouns
/// (`governmentHead`, `companyHead`: the value column of `org_head_noun`).
struct ListBits: OptionSet, Sendable {
    let rawValue: UInt32

    static let head = ListBits(rawValue: 1 << 0)
    static let event = ListBits(rawValue: 1 << 1)
    static let legal = ListBits(rawValue: 1 << 2)
    static let stop = ListBits(rawValue: 1 << 3)
    static let title = ListBits(rawValue: 1 << 4)
    static let standalone = ListBits(rawValue: 1 << 5)
    static let nonAcronym = ListBits(rawValue: 1 << 6)
    static let indexNoun = ListBits(rawValue: 1 << 7)
    static let possessive = ListBits(rawValue: 1 << 8)
    static let contextBefore = ListBits(rawValue: 1 << 9)
    static let contextPossessed = ListBits(rawValue: 1 << 10)
    static let companyNoun = ListBits(rawValue: 1 << 11)
    static let placeAbbreviation = ListBits(rawValue: 1 << 12)
    static let governmentHead = ListBits(rawValue: 1 << 13)
    static let companyHead = ListBits(rawValue: 1 << 14)
    static let firstWordHead = ListBits(rawValue: 1 << 15)
    static let regionWord = ListBits(rawValue: 1 << 16)

    /// The lists with a bit, by vocabulary name.
    static let lists: [(name: String, bit: ListBits)] = [
        (OrganizationContext.List.head, .head), (OrganizationContext.List.event, .event),
        (OrganizationContext.List.legal, .legal), (OrganizationContext.List.stop, .stop),
        (OrganizationContext.List.title, .title), (OrganizationContext.List.standalone, .standalone),
        (OrganizationContext.List.nonAcronym, .nonAcronym), (OrganizationContext.List.indexNoun, .indexNoun),
        (OrganizationContext.List.possessive, .possessive), (OrganizationContext.List.contextBefore, .contextBefore),
        (OrganizationContext.List.contextPossessed, .contextPossessed), (OrganizationContext.List.companyNoun, .companyNoun),
        (OrganizationContext.List.placeAbbreviation, .placeAbbreviation), (OrganizationContext.List.firstWordHead, .firstWordHead),
        (OrganizationContext.List.regionWord, .regionWord),
    ]
}

/// The ORG word lists of one rule set in the forms the matchers test fast: the lists of each
/// word as bits, by folded word and by lexicon id; phrase tables of the name lists scanned
/// as phrases; hashes of the former countries. Built once per rule set and thread.
final class OrganizationTables {
    /// The lexicon the tables index (held, so that its identity stays unique), or nil.
    let lexicon: Lexicon?
    /// The sizes of the lists (identify the vocabulary when there is no lexicon).
    let sizes: [Int]
    /// The list bits of each entry.
    let wordMasks: [String: ListBits]
    /// What the columns take from a lexicon word: its hash, pack and list bits (one
    /// record, one cache line to read per token).
    struct LexEntry {
        var hash: UInt64 = 0
        var pack: UInt64 = .max
        var masks: ListBits = []
        var listTests: ListTests = ListTests(masks: [], pack: .max)
    }
    /// What `TokenColumns` tests of a word to list its token (see `TokenColumns.List`),
    /// from its list bits and pack: kept per lexicon word, so that a token reads it.
    struct ListTests: OptionSet {
        let rawValue: UInt32
        /// Not a stop word (a capitalized one starts a name).
        static let notStop = ListTests(rawValue: 1 << 0)
        /// A head noun, a legal suffix, or a half of a legal suffix written with a space
        /// inside ("S.p", "A", "G.m.b", "H"): capitalized, an anchor.
        static let anchorWord = ListTests(rawValue: 1 << 1)

        init(rawValue: UInt32) { self.rawValue = rawValue }

        init(masks: ListBits, pack: UInt64) {
            var tests: ListTests = []
            if !masks.contains(.stop) { tests.insert(.notStop) }
            if !masks.isDisjoint(with: [.head, .legal]) || pack == Word.sp || pack == Word.gmb || pack == Word.a || pack == Word.h {
                tests.insert(.anchorWord)
            }
            self = tests
        }
    }
    /// The entry of each lexicon word id (empty without a usable lexicon).
    let lexEntries: [LexEntry]
    /// The byte lengths (below 64) of the entries with a space: a token whose folded form has
    /// one of these lengths and a space is looked up by string.
    let multiWordLengths: UInt64

    /// Plain FNV-1a hashes of the former countries' entries (a filter before the string test).
    let formerCountries: PhraseTable
    /// Phrase tables of vocabulary lists scanned as names, built on first use.
    private var listTables: [String: (table: PhraseTable, hashes: Set<UInt64>)] = [:]
    private let vocabulary: Vocabulary

    static func sizes(_ vocabulary: Vocabulary) -> [Int] {
        var sizes: [Int] = []
        sizes.reserveCapacity(ListBits.lists.count + 2)
        for (name, _) in ListBits.lists { sizes.append(vocabulary.entries(name).count) }
        sizes.append(vocabulary.valuedEntries(OrganizationContext.List.head).count)
        sizes.append(vocabulary.entries(OrganizationContext.List.formerCountry).count)
        return sizes
    }

    init(vocabulary: Vocabulary, lexicon: Lexicon?) {
        assert(Word.check(), "a Word constant is not the pack of its word")
        self.vocabulary = vocabulary
        self.lexicon = lexicon
        sizes = Self.sizes(vocabulary)
        var masks: [String: ListBits] = [:]
        masks.reserveCapacity(1024)
        for (name, bit) in ListBits.lists {
            for entry in vocabulary.entries(name) { masks[entry, default: []].insert(bit) }
        }
        for (entry, kind) in vocabulary.valuedEntries(OrganizationContext.List.head) {
            if kind == "gov" { masks[entry, default: []].insert(.governmentHead) }
            if kind == "company" { masks[entry, default: []].insert(.companyHead) }
        }
        wordMasks = masks
        var lengths: UInt64 = 0
        for word in masks.keys where word.utf8.contains(0x20) {
            // A length of 64 bytes or more keeps bit 63: such tokens are always looked up.
            lengths |= 1 << UInt64(min(word.utf8.count, 63))
        }
        multiWordLengths = lengths
        if let lexicon, lexicon.usable {
            var entries = [LexEntry](repeating: LexEntry(), count: lexicon.wordIds.count)
            for (word, id) in lexicon.wordIds where Int(id) < entries.count {
                let pack = Word.pack(word), wordMasks = masks[word] ?? []
                entries[Int(id)] = LexEntry(hash: GazetteerIndex.plainHash(word), pack: pack, masks: wordMasks,
                                            listTests: ListTests(masks: wordMasks, pack: pack))
            }
            lexEntries = entries
        } else {
            lexEntries = []
        }
        var former = PhraseTable.Builder()
        for entry in vocabulary.entries(OrganizationContext.List.formerCountry) {
            former.add(GazetteerIndex.plainHash(entry), PhraseTable.complete)
        }
        formerCountries = PhraseTable(former)
    }

    /// The strings of a rule option holding a list of words, as a set (built once per rule
    /// and option value).
    func words(option: String, of rule: Rule) -> Set<String> {
        optionSets.value(for: rule, key: option) {
            var set: Set<String> = []
            if case .array(let list)? = rule.options[option] {
                for item in list { if let s = item.stringValue { set.insert(s) } }
            }
            return set
        }
    }
    private var optionSets = RuleOptionCache<Set<String>>()

    /// What an `org.vocabularyList` rule scans: the phrase table of its list (option `list`)
    /// with the entries' hashes (see `phraseTable`), and whether it checks events (option
    /// `eventCheck`); nil without a list. Kept per rule.
    func vocabularyList(of rule: Rule) -> VocabularyListRule? {
        listRules.value(for: rule, key: "") {
            guard let list = rule.option("list") else { return nil }
            let (table, hashes) = phraseTable(list)
            return VocabularyListRule(table: table, hashes: hashes, eventCheck: rule.options["eventCheck"] == .bool(true))
        }
    }
    private var listRules = RuleOptionCache<VocabularyListRule?>()

    /// Values made from a rule's options, kept per rule and key, and found again by
    /// comparing the rule's id and options: the same rule's strings and dictionary are the
    /// same storage, so no string is hashed per document. At most 64 (then started again).
    private struct RuleOptionCache<Value> {
        private var entries: [(id: String, key: String, options: [String: JSONValue], value: Value)] = []

        mutating func value(for rule: Rule, key: String, make: () -> Value) -> Value {
            // (By index: a copy of an entry would retain all its fields.)
            for k in entries.indices where entries[k].id == rule.id && entries[k].key == key && entries[k].options == rule.options {
                return entries[k].value
            }
            let value = make()
            if entries.count >= 64 { entries.removeAll() }
            entries.append((rule.id, key, rule.options, value))
            return value
        }
    }

    /// What an `org.vocabularyList` rule scans (see `vocabularyList(of:)`): one object, so
    /// that handing it out retains one reference.
    final class VocabularyListRule {
        let table: PhraseTable
        let hashes: Set<UInt64>
        let eventCheck: Bool

        init(table: PhraseTable, hashes: Set<UInt64>, eventCheck: Bool) {
            self.table = table
            self.hashes = hashes
            self.eventCheck = eventCheck
        }
    }

    /// The phrase table of a vocabulary list (its entries hashed as `GazetteerIndex` hashes phrases).
    /// With the table, the exact hashes of the entries (the table's flags may be wrong once
    /// in a billion).
    func phraseTable(_ list: String) -> (table: PhraseTable, hashes: Set<UInt64>) {
        if let tables = listTables[list] { return tables }
        var builder = PhraseTable.Builder()
        var hashes: Set<UInt64> = []
        for entry in vocabulary.entries(list) {
            if let h = builder.addPhrase(folded: entry) { hashes.insert(h) }
        }
        let tables = (PhraseTable(builder), hashes)
        listTables[list] = tables
        return tables
    }
}

/// Per-thread state of the ORG matchers: the context of the document being processed
/// (shared by its matchers) and the tables of the rule set. Held in a pthread key, a
/// cheaper lookup than Foundation's thread dictionary.
final class OrganizationThreadCache {
    var context: OrganizationContext?
    private var lastTables: OrganizationTables?

    /// The tables of a document's rule set (rebuilt when the rule set changes).
    func tables(for document: SegmentedDocument) -> OrganizationTables {
        if let t = lastTables {
            if let lexicon = document.lexicon {
                if t.lexicon === lexicon { return t }
            } else if t.lexicon == nil && t.sizes == OrganizationTables.sizes(document.vocabulary) {
                return t
            }
        }
        let t = OrganizationTables(vocabulary: document.vocabulary, lexicon: document.lexicon)
        lastTables = t
        return t
    }

    private static let slot = ThreadLocalSlot<OrganizationThreadCache>()

    /// The cache of the current thread.
    static var current: OrganizationThreadCache {
        if let cache = slot.value { return cache }
        let cache = OrganizationThreadCache()
        slot.value = cache
        return cache
    }
}
