/// Named word lists from the vocabulary files (`Resources/en/vocab/*.tsv`): month names,
/// number words, organization head nouns… Each entry is a folded phrase with an optional
/// value. Single-token entries are tested per token by patterns; multi-token entries
/// are matched as phrases by the extractors that use them.
public struct Vocabulary: Sendable {
    private var sets: [String: Set<String>] = [:]
    private var values: [String: [String: String]] = [:]
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
        let folded = TextFolder.fold(entry)
        sets[name, default: []].insert(folded)
        if let value { values[name, default: [:]][folded] = value }
        if sources[name]?.contains(source) != true { sources[name, default: []].append(source) }
    }

    /// Removes an entry from a list (user files: a line `-entry`).
    public mutating func remove(_ name: String, _ entry: String) {
        let folded = TextFolder.fold(entry)
        sets[name]?.remove(folded)
        values[name]?[folded] = nil
    }

    /// Parses a vocabulary file: one entry a line, `entry<TAB>value` where a value is
    /// given, `#` comments and blank lines ignored, `-entry` removes an entry.
    public mutating func load(name: String, contents: String, source: String) throws {
        if sets[name] == nil { sets[name] = [] }
        var lineNumber = 0
        for rawLine in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            if parts.count > 2 {
                throw ExtractionError.invalidRules(file: source, line: lineNumber, rule: nil, message: "a vocabulary line has at most two tab-separated fields")
            }
            var entry = String(parts[0]).trimmingSpaces
            if entry.isEmpty {
                throw ExtractionError.invalidRules(file: source, line: lineNumber, rule: nil, message: "empty vocabulary entry")
            }
            if entry.hasPrefix("-") && entry.count > 1 {
                entry.removeFirst()
                remove(name, entry)
                continue
            }
            add(name, entry, value: parts.count == 2 ? String(parts[1]).trimmingSpaces : nil, source: source)
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
