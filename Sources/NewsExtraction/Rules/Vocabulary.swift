/// Named word lists from the vocabulary files (`Resources/en/vocab/*.tsv`): month names,
/// number words, organization head nouns… Each entry is a folded phrase with an optional
/// value. Single-token entries are tested per token by patterns; multi-token entries
/// are matched as phrases by the extractors that use them.
public struct Vocabulary: Sendable {
    private var sets: [String: Set<String>] = [:]
    private var values: [String: [String: String]] = [:]
    /// Per list, every form the last token of an entry can take (see `lastTokenForms`).
    private var lastTokens: [String: Set<String>] = [:]
    /// Where each list came from (file paths), for messages and `rules list`.
    public private(set) var sources: [String: [String]] = [:]

    public init() {}

    /// Whether a list of this name exists.
    public func has(_ name: String) -> Bool { sets[name] != nil }

    /// Whether `folded` is an entry of list `name`.
    @inline(__always)
    public func contains(_ name: String, _ folded: String) -> Bool {
        sets[name]?.contains(folded) ?? false
    }

    /// Whether some entry of list `name` can end with a token whose folded form is `folded`:
    /// a test that lets a phrase lookup skip building phrases that end elsewhere.
    public func canEndEntry(_ name: String, _ folded: String) -> Bool {
        lastTokens[name]?.contains(folded) ?? false
    }

    /// Every form the last token of an entry of list `name` can take (see `canEndEntry`), for
    /// a caller that tests many words against one list.
    public func entryEnds(_ name: String) -> Set<String> { lastTokens[name] ?? [] }

    /// The forms the last token of an entry can take, whatever the tokenizer: the last
    /// space-separated word, each of its suffixes after a character that is not a letter or
    /// digit, and its last character (ICU ends a word at punctuation: "mid-" → "mid", "-").
    static func lastTokenForms(_ entry: String) -> [String] {
        // An ASCII word of letters and digits is one token (most entries: no scalar walk).
        if entry.utf8.allSatisfy({ ($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A || ($0 >= 0x30 && $0 <= 0x39) }) { return [entry] }
        let word = entry.split(separator: " ").last.map(String.init) ?? entry
        var forms = [word]
        let scalars = Array(word.unicodeScalars)
        for (k, u) in scalars.enumerated() where !(u.properties.isAlphabetic || u.properties.numericType != nil) {
            if k + 1 < scalars.count { forms.append(String(String.UnicodeScalarView(scalars[(k + 1)...]))) }
        }
        if let last = scalars.last { forms.append(String(last)) }
        return forms
    }

    /// The value of an entry, when the file gives one.
    public func value(_ name: String, _ folded: String) -> String? { values[name]?[folded] }

    /// All entries of a list.
    public func entries(_ name: String) -> Set<String> { sets[name] ?? [] }

    /// All entries with their values.
    public func valuedEntries(_ name: String) -> [String: String] { values[name] ?? [:] }

    /// The names of all lists.
    public var names: [String] { sets.keys.sorted() }

    /// Adds an entry (folded) to a list.
    public mutating func add(_ name: String, _ entry: String, value: String?, source: String) {
        edit(name, source: source) { $0.add(entry, value: value) }
    }

    /// Removes an entry from a list (user files: a line `-entry`).
    public mutating func remove(_ name: String, _ entry: String) {
        guard sets[name] != nil else { return }
        edit(name, source: nil) { $0.remove(entry) }
    }

    /// One list's tables while a file or a call changes it. (`lastTokens` keeps a removed
    /// entry's forms: it may say too much, never too little.)
    private struct ListEdit {
        var set: Set<String>
        var valued: [String: String]
        var last: Set<String>
        var added = false

        mutating func add(_ entry: String, value: String?) {
            let folded = TextFolder.fold(entry)
            set.insert(folded)
            last.formUnion(Vocabulary.lastTokenForms(folded))
            if let value { valued[folded] = value }
            added = true
        }

        mutating func remove(_ entry: String) {
            let folded = TextFolder.fold(entry)
            set.remove(folded)
            valued[folded] = nil
        }
    }

    /// Takes list `name`'s tables out, lets `change` edit them and puts them back: one lookup
    /// by list name per file, not three per entry (start-up reads some 1,500 entries).
    private mutating func edit(_ name: String, source: String?, _ change: (inout ListEdit) throws -> Void) rethrows {
        var list = ListEdit(set: sets.removeValue(forKey: name) ?? [], valued: values.removeValue(forKey: name) ?? [:],
                            last: lastTokens.removeValue(forKey: name) ?? [])
        defer {
            sets[name] = list.set
            if !list.valued.isEmpty { values[name] = list.valued }
            if !list.last.isEmpty { lastTokens[name] = list.last }
            if list.added, let source, sources[name]?.contains(source) != true { sources[name, default: []].append(source) }
        }
        try change(&list)
    }

    /// Parses a vocabulary file: one entry a line, `entry<TAB>value` where a value is
    /// given, `#` comments and blank lines ignored, `-entry` removes an entry.
    public mutating func load(name: String, contents: String, source: String) throws {
        // Read as bytes (tab and newline are ASCII; entries are whole UTF-8 sequences
        // between them): splitting by Characters would cost grapheme breaking.
        try load(name: name, bytes: Array(contents.utf8), source: source)
    }

    /// Parses a vocabulary file's bytes (UTF-8; an invalid sequence is an error).
    mutating func load(name: String, bytes: [UInt8], source: String) throws {
        if !bytes.allSatisfy({ $0 < 0x80 }) && String(validating: bytes, as: UTF8.self) == nil {
            throw ExtractionError.invalidRules(file: source, line: nil, rule: nil, message: "cannot read the file as UTF-8")
        }
        try edit(name, source: source) { list in
            var lineNumber = 0
            var lineStart = 0
            while lineStart <= bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count && bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                lineNumber += 1
                var end = lineEnd
                if end > lineStart && bytes[end - 1] == 0x0D { end -= 1 }
                if end == lineStart || bytes[lineStart] == 0x23 { continue }  // blank line, # comment
                var tab = lineStart
                while tab < end && bytes[tab] != 0x09 { tab += 1 }
                if tab < end, bytes[(tab + 1)..<end].contains(0x09) {
                    throw ExtractionError.invalidRules(file: source, line: lineNumber, rule: nil, message: "a vocabulary line has at most two tab-separated fields")
                }
                var entry = Self.trimmed(bytes, lineStart, tab)
                if entry.isEmpty {
                    throw ExtractionError.invalidRules(file: source, line: lineNumber, rule: nil, message: "empty vocabulary entry")
                }
                if entry.utf8.first == 0x2D && entry.utf8.count > 1 {
                    entry.removeFirst()
                    list.remove(entry)
                    continue
                }
                list.add(entry, value: tab < end ? Self.trimmed(bytes, tab + 1, end) : nil)
            }
        }
    }

    /// The text of `bytes[from..<to]` without leading and trailing spaces and tabs.
    private static func trimmed(_ bytes: [UInt8], _ from: Int, _ to: Int) -> String {
        var a = from, b = to
        while a < b && (bytes[a] == 0x20 || bytes[a] == 0x09) { a += 1 }
        while b > a && (bytes[b - 1] == 0x20 || bytes[b - 1] == 0x09) { b -= 1 }
        return String(decoding: bytes[a..<b], as: UTF8.self)
    }
}
