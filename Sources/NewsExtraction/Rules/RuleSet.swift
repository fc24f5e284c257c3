import Foundation

/// All rules and vocabularies in force: the built-in files of a language, then any user
/// files on top (added rules, added or removed vocabulary entries, disabled rules,
/// changed priorities). Loaded once and validated strictly; immutable afterwards.
public struct RuleSet: Sendable {
    public private(set) var rules: [Rule] = []
    public private(set) var vocabulary = Vocabulary()
    /// Rule ids disabled by user files.
    public private(set) var disabled: Set<String> = []

    /// The folder of the built-in resources for a language.
    public static func builtInFolder(language: String = "en") -> URL? {
        resourcesFolder.appendingPathComponent(language)
    }

    /// The `Resources` folder of the library's resource bundle. SwiftPM puts the bundle
    /// beside the executable; looking there first spares start-up the ~1 ms of Foundation's
    /// `Bundle` machinery (`Bundle.module` is the fallback: tests, other layouts).
    private static let resourcesFolder: URL = {
        var path = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &path, path.count - 1)
        if n > 0 {
            let exe = String(decoding: path[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = exe.lastIndex(of: "/") {
                let folder = exe[..<slash] + "/" + bundleName + "/Resources"
                if access(folder, F_OK) == 0 { return URL(fileURLWithPath: String(folder), isDirectory: true) }
            }
        }
        // On Linux, resourceURL names a Resources folder inside the bundle that SwiftPM does not make.
        return Bundle.module.bundleURL.appendingPathComponent("Resources")
    }()

    /// The name SwiftPM gives the library's resource bundle (`<package>_<target>.resources`).
    static let bundleName = "news-extract_NewsExtraction.resources"

    /// Loads the built-in rules and vocabularies, then each user path (a file or a folder).
    public static func load(language: String = "en", userPaths: [String] = []) throws -> RuleSet {
        var set = language == "en" ? try builtInEnglish.get() : try builtIn(language: language)
        for path in userPaths { try set.add(path: path) }
        try set.validate()
        return set
    }

    /// The built-in rules and vocabularies of a language, read from the resources.
    static func builtIn(language: String) throws -> RuleSet {
        var set = RuleSet()
        guard let folder = builtInFolder(language: language) else {
            throw ExtractionError.invalidRules(file: "Resources/\(language)", line: nil, rule: nil, message: "built-in resources not found")
        }
        try set.addFolder(folder.path, builtIn: true)
        return set
    }

    /// The built-in English rules, read once per process: every `load` (each `--jobs`
    /// worker, each extractor a program makes) starts from a copy. `NewsExtractor.prefetchDefault()`
    /// reads them on another thread at start-up.
    private static let builtInEnglish: Result<RuleSet, Error> = Result { try builtIn(language: "en") }


    /// An empty rule set (for tests that build rules from text).
    public init() {}

    /// Adds a file or folder of rule (`.json`) and vocabulary (`.tsv`) files.
    public mutating func add(path: String) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ExtractionError.invalidRules(file: path, line: nil, rule: nil, message: "no such file or folder")
        }
        if isDirectory.boolValue { try addFolder(path, builtIn: false) } else { try addFile(path) }
    }

    mutating func addFolder(_ path: String, builtIn: Bool) throws {
        var files: [String] = []
        Self.collectRuleFiles(in: path, prefix: "", into: &files)
        files.sort()
        let vocabularyFiles = files.filter { $0.hasSuffix(".tsv") }
        let ruleFiles = files.filter { $0.hasSuffix(".json") }
        if builtIn {
            // The built-in vocabularies are read on another thread while the rule files are
            // parsed (parsing does not read them; `validate` checks the references after).
            // A vocabulary error is still the one reported first, as when read in turn.
            let vocabularies = VocabularyLoad(vocabulary, folder: path, files: vocabularyFiles)
            var ruleError: Error? = nil
            do {
                for f in ruleFiles { try addFile(path + "/" + f, deferExamples: true) }
            } catch {
                ruleError = error
            }
            vocabulary = try vocabularies.result()
            if let ruleError { throw ruleError }
            return
        }
        // Vocabularies first so that rules may use them; each in a stable order.
        for f in vocabularyFiles { try addFile(path + "/" + f) }
        for f in ruleFiles { try addFile(path + "/" + f) }
    }

    /// Vocabulary files read into a copy of a vocabulary on a background thread.
    private final class VocabularyLoad: @unchecked Sendable {
        private var vocabulary: Vocabulary
        private var error: Error?
        private let done = DispatchSemaphore(value: 0)

        init(_ start: Vocabulary, folder: String, files: [String]) {
            vocabulary = start
            BackgroundThread.start { [self] in
                do {
                    for f in files { try RuleSet.loadVocabularyFile(folder + "/" + f, into: &vocabulary) }
                } catch {
                    self.error = error
                }
                done.signal()
            }
        }

        /// Waits for the files; the vocabulary with them, or the first error.
        func result() throws -> Vocabulary {
            done.wait()
            if let error { throw error }
            return vocabulary
        }
    }

    /// The `.json` and `.tsv` files under a folder (relative paths, sub-folders included).
    private static func collectRuleFiles(in folder: String, prefix: String, into files: inout [String]) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] {
            if name.hasSuffix(".json") || name.hasSuffix(".tsv") {
                files.append(prefix + name)
                continue
            }
            var isDirectory: ObjCBool = false
            if !name.hasPrefix("."), fm.fileExists(atPath: folder + "/" + name, isDirectory: &isDirectory), isDirectory.boolValue {
                collectRuleFiles(in: folder + "/" + name, prefix: prefix + name + "/", into: &files)
            }
        }
    }

    mutating func addFile(_ path: String, deferExamples: Bool = false) throws {
        if path.hasSuffix(".tsv") {
            try Self.loadVocabularyFile(path, into: &vocabulary)
            return
        }
        guard let bytes = Self.readFile(path) else { throw Self.unreadable(path) }
        guard let contents = String(validating: bytes, as: UTF8.self) else {
            throw ExtractionError.invalidRules(file: path, line: nil, rule: nil, message: "cannot read the file as UTF-8")
        }
        try add(contents: contents, source: path, deferExamples: deferExamples)
    }

    /// Reads a vocabulary file (`NAME.tsv`) into `vocabulary`, parsed as bytes.
    static func loadVocabularyFile(_ path: String, into vocabulary: inout Vocabulary) throws {
        guard let bytes = readFile(path) else { throw unreadable(path) }
        try vocabulary.load(name: vocabularyName(path), bytes: bytes, source: path)
    }

    static func unreadable(_ path: String) -> ExtractionError {
        .invalidRules(file: path, line: nil, rule: nil, message: "cannot read the file")
    }

    /// The bytes of a file, or nil when it cannot be opened. Read with POSIX calls (start-up
    /// reads some seventy small files: Foundation's file reading costs more than the
    /// reading itself) through `LineReader`.
    static func readFile(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY)
        if fd < 0 { return nil }
        defer { close(fd) }
        return LineReader(fd: fd, blockSize: 1 << 16).readAll()
    }

    /// A vocabulary's list name: its file name without `.tsv`.
    static func vocabularyName(_ source: String) -> String {
        // (Bytes, not Characters: splitting a path by Character costs grapheme breaking.)
        let utf8 = source.utf8
        let start = utf8.lastIndex(of: UInt8(ascii: "/")).map { utf8.index(after: $0) } ?? utf8.startIndex
        return String(source[start...].dropLast(4))  // ".tsv"
    }

    /// Adds rule or vocabulary text; `source` is its file name (`.json` or `.tsv`).
    /// With `deferExamples` (the built-in files) rule examples are read when run, not now.
    public mutating func add(contents: String, source: String, deferExamples: Bool = false) throws {
        if source.hasSuffix(".tsv") {
            try vocabulary.load(name: Self.vocabularyName(source), contents: contents, source: source)
            return
        }
        let content = try RuleFileParser(source: source, contents: contents, deferExamples: deferExamples).parse()
        // The ids so far in a set: a scan of the rules per new rule compared every pair.
        var ids = Set<String>(minimumCapacity: rules.count + content.rules.count)
        for rule in rules { ids.insert(rule.id) }
        rules.reserveCapacity(rules.count + content.rules.count)
        for rule in content.rules {
            if !ids.insert(rule.id).inserted, let existing = rules.first(where: { $0.id == rule.id }) {
                throw ExtractionError.invalidRules(file: source, line: RuleFileParser(source: source, contents: contents).lineOf(rule.id),
                                                   rule: rule.id, message: "duplicate rule id (first defined in \(existing.source))")
            }
            rules.append(rule)
        }
        for id in content.disable {
            guard let i = rules.firstIndex(where: { $0.id == id }) else {
                throw ExtractionError.invalidRules(file: source, line: nil, rule: id, message: "\"disable\" names an unknown rule")
            }
            rules[i].enabled = false
            disabled.insert(id)
        }
        for id in content.enable {
            guard let i = rules.firstIndex(where: { $0.id == id }) else {
                throw ExtractionError.invalidRules(file: source, line: nil, rule: id, message: "\"enable\" names an unknown rule")
            }
            rules[i].enabled = true
            disabled.remove(id)
        }
        for (id, p) in content.priorities {
            guard let i = rules.firstIndex(where: { $0.id == id }) else {
                throw ExtractionError.invalidRules(file: source, line: nil, rule: id, message: "\"priorities\" names an unknown rule")
            }
            rules[i].priority = p
        }
    }

    /// Checks references: normalizers, matchers and vocabularies must exist.
    public func validate() throws {
        for rule in rules {
            func fail(_ message: String) -> ExtractionError {
                .invalidRules(file: rule.source, line: nil, rule: rule.id, message: message)
            }
            if let n = rule.normalizer, NormalizerRegistry.normalizers[n] == nil {
                throw fail("unknown normalizer \"\(n)\" (known: \(NormalizerRegistry.normalizers.keys.sorted().joined(separator: ", ")))")
            }
            if let m = rule.matcher, NormalizerRegistry.matchers[m] == nil {
                throw fail("unknown matcher \"\(m)\" (known: \(NormalizerRegistry.matchers.keys.sorted().joined(separator: ", ")))")
            }
            if let p = rule.pattern {
                // Each test's list names checked in place (the pattern's tests in order, then
                // the context's), without gathering them into arrays first.
                func check(_ t: TokenTest) throws {
                    for name in t.vocab ?? [] where !vocabulary.has(name) { throw fail("unknown vocabulary \"\(name)\"") }
                    for name in t.notVocab ?? [] where !vocabulary.has(name) { throw fail("unknown vocabulary \"\(name)\"") }
                }
                func walk(_ e: PatternElement) throws {
                    switch e {
                    case .token(let t, _, _): try check(t)
                    case .group(let es, _, _): for e in es { try walk(e) }
                    case .oneOf(let alts, _, _): for alt in alts { for e in alt { try walk(e) } }
                    }
                }
                for e in p.elements { try walk(e) }
                for t in p.before { try check(t) }
                for t in p.after { try check(t) }
                for list in p.notBefore { for t in list { try check(t) } }
                for list in p.notAfter { for t in list { try check(t) } }
            }
        }
    }

    /// Turns a rule on or off (e.g. `--day-first`).
    public mutating func setEnabled(_ id: String, _ enabled: Bool) throws {
        guard let i = rules.firstIndex(where: { $0.id == id }) else {
            throw ExtractionError.invalidRules(file: "(options)", line: nil, rule: id, message: "no such rule")
        }
        rules[i].enabled = enabled
        if enabled { disabled.remove(id) } else { disabled.insert(id) }
    }

    /// The rule with this id.
    public func rule(_ id: String) -> Rule? { rules.first { $0.id == id } }
}

