import Foundation

/// The library's entry point: load rules once, then extract entities from documents.
/// Runs the pipeline stages in order: decode → normalize (per token) → segment →
/// extract → resolve → normalize values → entities. Not thread-safe: use `copy()` to
/// get an extractor for another thread (it shares the rules and clones ICU iterators).
///
///     let extractor = try NewsExtractor()
///     let entities = try extractor.extract(text: "Sales rose 9.5 percent last year.",
///                                          dct: DocumentDate("2023"))
public final class NewsExtractor: @unchecked Sendable {
    public let ruleSet: RuleSet
    let activeRules: [Rule]
    /// `activeRules` by reference, for matches and matcher inputs.
    let ruleHandles: [RuleHandle]
    let index: RuleIndex
    let normalizers: [Normalizer?]
    let programs: [PatternProgram?]
    /// `programs` as unmanaged references (`programs` keeps them alive): the per-attempt
    /// loop reads them without a retain and a release.
    let programRefs: [Unmanaged<PatternProgram>?]
    /// The named matchers of the active rules by stage (index 0: stage 1, 1: stage 2), in
    /// rule order, looked up once rather than per document.
    let stageMatchers: [[(rule: Int, matcher: Matcher)]]
    /// Rejects pattern rules by the word after the start token.
    let secondWords: SecondWordFilter
    let lexicon: Lexicon
    let segmenter: Segmenter
    let decoder = TextDecoder()
    /// Only these types are extracted (nil: all).
    public let types: Set<EntityType>?

    /// Loads the built-in rules (and user rule paths) for English.
    public convenience init(userRulePaths: [String] = [], types: Set<EntityType>? = nil) throws {
        if types == nil || types!.contains(.org) { Self.prepareGazetteersInBackground() }
        try self.init(ruleSet: RuleSet.load(userPaths: userRulePaths), types: types)
    }

    public init(ruleSet: RuleSet, types: Set<EntityType>? = nil) throws {
        self.ruleSet = ruleSet
        self.types = types
        activeRules = ruleSet.rules.filter { rule in
            rule.enabled && (types == nil || types!.contains(rule.type) || Self.makesTimex(rule, types!))
        }
        ruleHandles = activeRules.map(RuleHandle.init)
        var index = RuleIndex(rules: activeRules, vocabulary: ruleSet.vocabulary)
        normalizers = activeRules.map { $0.normalizer.flatMap { NormalizerRegistry.normalizers[$0] } }
        let lexicon = Lexicon(vocabulary: ruleSet.vocabulary)
        programs = activeRules.map { rule in rule.pattern.map { PatternProgram($0, lexicon: lexicon) } }
        programRefs = programs.map { $0.map { Unmanaged.passUnretained($0) } }
        stageMatchers = Self.stageMatchers(activeRules)
        index.intern(lexicon)
        lexicon.freeze()
        secondWords = SecondWordFilter(programs: programs, lexicon: lexicon)
        self.lexicon = lexicon
        self.index = index
        var numberWords: [String: Double] = [:]
        for (k, v) in ruleSet.vocabulary.valuedEntries("number_word") { if let d = Double(v) { numberWords[k] = d } }
        var ordinalWords: [String: Int] = [:]
        for (k, v) in ruleSet.vocabulary.valuedEntries("ordinal_word") { if let d = Int(v) { ordinalWords[k] = d } }
        segmenter = try Segmenter(numberWords: numberWords, ordinalWords: ordinalWords)
    }

    /// Builds the shared gazetteer index on another thread while the rules load, so that
    /// start-up costs the longer of the two rather than their sum (the first document
    /// that needs the index waits for it if it is not ready).
    public static func prepareGazetteersInBackground() { _ = gazetteerWarmUp }

    private static let gazetteerWarmUp: Void = { BackgroundThread.start { _ = GazetteerIndex.shared } }()

    /// The extractor of the built-in rules with no options, made once per process; the
    /// first caller of `makeDefault()` gets it.
    private static let builtInDefault: Swift.Result<NewsExtractor, Error> = Swift.Result {
        try NewsExtractor(ruleSet: RuleSet.load(), types: nil)
    }

    /// Starts reading and compiling the built-in rules on another thread, so that a program
    /// can parse its arguments meanwhile; `makeDefault()` waits for it.
    public static func prefetchDefault() { _ = defaultPrefetch }

    private static let defaultPrefetch: Void = { BackgroundThread.start { _ = builtInDefault } }()

    /// An extractor of the built-in rules with no options (all types, no user rules), for
    /// the calling thread. The first call gets the one made once per process (prefetched);
    /// later calls (more `--jobs` workers) get extractors of their own, compiled from the
    /// process's rule set: threads that share compiled rules contend on their reference
    /// counts (`--jobs 2` then scales less).
    public static func makeDefault() throws -> NewsExtractor {
        let first = defaultLock.withLock { () -> Bool in
            defer { defaultHandedOut = true }
            return !defaultHandedOut
        }
        if first { return try builtInDefault.get() }
        return try NewsExtractor(ruleSet: RuleSet.load(), types: nil)
    }

    private static let defaultLock = NSLock()
    nonisolated(unsafe) private static var defaultHandedOut = false

    /// The named matchers of `rules` by stage (option `"stage"`, default 1; stages 1 and 2).
    static func stageMatchers(_ rules: [Rule]) -> [[(rule: Int, matcher: Matcher)]] {
        (1...2).map { stage in
            rules.indices.compactMap { r -> (rule: Int, matcher: Matcher)? in
                guard let name = rules[r].matcher, (rules[r].options["stage"]?.doubleValue.map(Int.init) ?? 1) == stage,
                      let m = NormalizerRegistry.matchers[name] else { return nil }
                return (r, m)
            }
        }
    }

    /// Date rules may turn a match into a TIME, DURATION or SET: keep them when any is asked for.
    static func makesTimex(_ rule: Rule, _ types: Set<EntityType>) -> Bool {
        rule.type == .date && !types.isDisjoint(with: [.time, .duration, .set])
    }

    private init(sharing other: NewsExtractor) {
        ruleSet = other.ruleSet
        activeRules = other.activeRules
        ruleHandles = other.ruleHandles
        index = other.index
        normalizers = other.normalizers
        programs = other.programs
        programRefs = other.programRefs
        stageMatchers = other.stageMatchers
        secondWords = other.secondWords
        lexicon = other.lexicon
        segmenter = other.segmenter.copy()
        types = other.types
    }

    /// An extractor for another thread.
    public func copy() -> NewsExtractor { NewsExtractor(sharing: self) }

    /// The result of one document, with what explain mode reports.
    public struct Result: Sendable {
        public var entities: [Entity]
        /// Candidates that lost in overlap resolution, and pattern matches that their
        /// normalizer rejected (explain mode only).
        public var discarded: [(candidate: Entity, reason: String)]
        /// The document's tokens (explain mode only), to show what each entity matched.
        public var document: SegmentedDocument?
    }

    /// The tokens of a text with their attributes (for `extract tokens` and rule authors).
    public func tokens(text: String) -> SegmentedDocument {
        let decoded = decoder.decode(text)
        return SegmentedDocument(text: decoded, tokens: segmenter.tokens(of: decoded), vocabulary: ruleSet.vocabulary)
    }

    /// Extracts from a Swift string.
    public func extract(text: String, dct: DocumentDate?) -> [Entity] {
        extract(decoder.decode(text), dct: dct).entities
    }

    /// Extracts from UTF-8 bytes; throws on invalid UTF-8.
    public func extract(utf8 bytes: [UInt8], dct: DocumentDate?) throws -> [Entity] {
        extract(try decoder.decode(bytes), dct: dct).entities
    }

    /// Stage 3 alone: the tokens of decoded text with their attributes and lexicon ids,
    /// as the extractors see them.
    public func segment(_ text: DecodedText) -> SegmentedDocument {
        SegmentedDocument(text: text, tokens: segmenter.tokens(of: text, lexicon: lexicon), vocabulary: ruleSet.vocabulary, lexicon: lexicon)
    }

    /// Runs stages 3–6 on decoded text.
    public func extract(_ text: DecodedText, dct: DocumentDate?, explain: Bool = false) -> Result {
        let document = segment(text)
        var rejected: [Candidate] = []
        let candidates: [Candidate]
        if explain {
            candidates = withUnsafeMutablePointer(to: &rejected) { extractCandidates(document, rejected: $0) }
        } else {
            candidates = extractCandidates(document)
        }
        let (kept, discarded) = OverlapResolver.resolveIndices(candidates, keepDiscarded: explain)
        var entities: [Entity] = []
        entities.reserveCapacity(kept.count)
        candidates.withUnsafeBufferPointer { buffer in
            for k in kept {
                let e = entity(buffer.baseAddress! + k, text: text, dct: dct)
                if let types, !types.contains(e.type) { continue }
                entities.append(e)
            }
        }
        var lost = discarded.map { d in (withUnsafePointer(to: d.candidate) { entity($0, text: text, dct: dct) }, d.reason) }
        for c in rejected {
            let rule = ruleSet.rule(c.rule)
            lost.append((Entity(type: c.type, start: text.scalarOffset(utf16: c.start), end: text.scalarOffset(utf16: c.end),
                                text: text.text(utf16: c.start..<c.end), value: nil, rule: c.rule, fields: [:]),
                         "normalizer \(rule?.normalizer ?? "?") rejected the match"))
        }
        return Result(entities: entities, discarded: lost, document: explain ? document : nil)
    }

    /// Stage 6: anchors deferred values and converts offsets to Unicode scalars.
    func entity(_ c: UnsafePointer<Candidate>, text: DecodedText, dct: DocumentDate?) -> Entity {
        var value = c.pointee.value
        var fields = c.pointee.fields
        var type = c.pointee.type
        if let deferred = c.pointee.deferred { value = deferred.resolve(dct: dct, into: &fields) }
        if !fields.isEmpty, case .string(let t)? = Self.timexType(in: fields) {
            switch t {
            case "DURATION": type = .duration
            case "SET": type = .set
            case "TIME": type = .time
            default: break
            }
        }
        let start = c.pointee.start, end = c.pointee.end
        return Entity(type: type, start: text.scalarOffset(utf16: start), end: text.scalarOffset(utf16: end),
                      text: text.text(utf16: start..<end), value: value, rule: c.pointee.rule, fields: fields)
    }

    /// The `timex_type` field: a date has one or two fields, compared in place rather than
    /// the key hashed for a lookup.
    @inline(__always)
    static func timexType(in fields: [String: JSONValue]) -> JSONValue? {
        if fields.count > 4 { return fields["timex_type"] }
        for (key, value) in fields where key == "timex_type" { return value }
        return nil
    }

    /// Stage 4: every pattern rule at every token, then the named matchers.
    func extractCandidates(_ document: SegmentedDocument, rejected: UnsafeMutablePointer<[Candidate]>? = nil) -> [Candidate] {
        let tokens = document.tokens
        // Room for one candidate per eight tokens, made once, rather than the array regrown
        // (and its candidates moved) several times per document.
        var candidates: [Candidate] = []
        candidates.reserveCapacity(tokens.count / 8 + 4)
        let matcher = PatternMatcher(tokens: tokens, vocabulary: document.vocabulary, lexicon: lexicon)
        let ruleBuffer = UnsafeMutablePointer<Int32>.allocate(capacity: index.bufferCapacity)
        defer { ruleBuffer.deallocate() }
        // Local copies, once per document: a method called on a struct property of `self`
        // inside the loop would copy it (a retain and a release per array in it) per token.
        let index = self.index, secondWords = self.secondWords, programRefs = self.programRefs
        for i in tokens.indices {
            // Only the word id, shape id and flags choose the rules (no copy of the token).
            let token = matcher.tokens.baseAddress! + i
            let ruleCount = index.rules(lex: token.pointee.lex, shapeId: token.pointee.shapeId, flags: token.pointee.flags, into: ruleBuffer)
            for k in 0..<ruleCount {
                let r = Int(ruleBuffer[k])
                guard secondWords.allows(r, at: i, matcher.tokens),
                      let m = programRefs[r]!._withUnsafeGuaranteedRef({ matcher.match($0, at: i) }) else { continue }
                let handle = ruleHandles[r]
                let match = RuleMatch(document: document, rule: handle, range: i..<m.end, captures: m.captures)
                // Initialized once, not assigned over an empty one (an assignment copies the
                // deferred value's existential and destroys the old one).
                let normalization: Normalization
                if let normalizer = normalizers[r] {
                    guard let n = normalizer(match) else {
                        if let rejected {
                            rejected.pointee.append(Candidate(type: handle.rule.type, start: tokens[i].start, end: tokens[m.end - 1].end,
                                                              rule: handle.rule.id, priority: handle.rule.priority))
                        }
                        continue
                    }
                    normalization = n
                } else {
                    normalization = Normalization()
                }
                let range = normalization.range ?? match.range
                guard !range.isEmpty else { continue }
                var fields = handle.rule.fields
                if !normalization.fields.isEmpty {
                    if fields.isEmpty { fields = normalization.fields } else { fields.merge(normalization.fields) { _, new in new } }
                }
                candidates.append(Candidate(type: normalization.type ?? handle.rule.type,
                                            start: tokens[range.lowerBound].start, end: tokens[range.upperBound - 1].end,
                                            rule: handle.rule.id, priority: handle.rule.priority, value: normalization.value,
                                            fields: fields, deferred: normalization.deferred, tokenRange: range))
            }
        }
        // Named matchers, in stage order (stage 2 sees what stage 1 found).
        for stage in stageMatchers {
            for (r, m) in stage {
                let handle = ruleHandles[r]
                var made = m(MatcherInput(document: document, rule: handle, candidates: candidates))
                if made.isEmpty { continue }
                for k in made.indices {
                    made[k].priority = handle.rule.priority
                    if handle.rule.fields.isEmpty { continue }
                    if made[k].fields.isEmpty { made[k].fields = handle.rule.fields } else { made[k].fields.merge(handle.rule.fields) { old, _ in old } }
                }
                candidates.append(contentsOf: made)
            }
        }
        return candidates
    }
}
