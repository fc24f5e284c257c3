/// Reads one rule file (JSON) into rules, validating strictly: an unknown key, a wrong
/// value type, a bad quantifier or an empty pattern is an error naming the file, the
/// line and the rule.
struct RuleFileParser {
    let source: String
    let contents: String
    /// Keep each rule's examples and counterexamples as checked-but-unread JSON, read when
    /// they are run (`Rule.parsedExamples()`). For the built-in files, whose examples the
    /// test suite runs, so that start-up does not build thousands of strings it never uses.
    var deferExamples = false

    static let ruleKeys: Set<String> = ["id", "type", "priority", "pattern", "before", "after", "notBefore", "notAfter",
                                        "matcher", "normalizer", "fields", "options", "examples", "counterexamples", "comment", "enabled"]
    static let elementKeys: Set<String> = ["lower", "text", "vocab", "notVocab", "shape", "is", "not", "range", "notLower",
                                           "glued", "minLength", "op", "max", "name", "group", "oneOf"]
    static let fileKeys: Set<String> = ["rules", "disable", "enable", "priorities", "comment"]

    /// The parsed content of a file.
    struct Content {
        var rules: [Rule] = []
        var disable: [String] = []
        var enable: [String] = []
        var priorities: [String: Int] = [:]
    }

    func fail(_ message: String, rule: String? = nil) -> ExtractionError {
        ExtractionError.invalidRules(file: source, line: rule.flatMap(lineOf), rule: rule, message: message)
    }

    /// The line where `"id": "<rule>"` stands.
    func lineOf(_ rule: String) -> Int? {
        var n = 0
        for line in contents.split(separator: "\n", omittingEmptySubsequences: false) {
            n += 1
            if line.contains("\"\(rule)\"") && line.contains("\"id\"") { return n }
        }
        return nil
    }

    func parse() throws -> Content {
        let object: JSONValue
        do {
            object = try RuleJSONParser.parse(contents, deferredRuleKeys: deferExamples ? ["examples", "counterexamples"] : [])
        } catch let e as RuleJSONParser.Failure {
            let line = contents.utf8.prefix(e.offset).reduce(1) { $1 == 0x0A ? $0 + 1 : $0 }
            throw ExtractionError.invalidRules(file: source, line: line, rule: nil, message: "not valid JSON: \(e.message)")
        }
        guard let top = object.members else { throw fail("the top level must be an object with \"rules\"") }
        for key in top.keys where !Self.fileKeys.contains(key) {
            throw fail("unknown key \"\(key)\" at the top level (allowed: \(Self.fileKeys.sorted().joined(separator: ", ")))")
        }
        var content = Content()
        if let d = top["disable"] {
            guard let list = d.strings else { throw fail("\"disable\" must be a list of rule ids") }
            content.disable = list
        }
        if let e = top["enable"] {
            guard let list = e.strings else { throw fail("\"enable\" must be a list of rule ids") }
            content.enable = list
        }
        if let p = top["priorities"] {
            guard let map = p.members else { throw fail("\"priorities\" must map rule ids to integers") }
            for (k, v) in map {
                guard let n = v.integer else { throw fail("priority of \(k) must be an integer") }
                content.priorities[k] = n
            }
        }
        if let r = top["rules"] {
            guard case .array(let list) = r else { throw fail("\"rules\" must be a list") }
            for item in list { content.rules.append(try parseRule(item)) }
        }
        return content
    }

    func parseRule(_ item: JSONValue) throws -> Rule {
        guard let dict = item.members else { throw fail("a rule must be an object") }
        guard let id = dict["id"]?.stringValue, !id.isEmpty else { throw fail("a rule has no \"id\"") }
        for key in dict.keys where !Self.ruleKeys.contains(key) {
            throw fail("unknown key \"\(key)\"", rule: id)
        }
        guard let typeName = dict["type"]?.stringValue else { throw fail("missing \"type\"", rule: id) }
        let type = EntityType(rawValue: typeName)
        guard EntityType.all.contains(type) else {
            throw fail("unknown type \"\(typeName)\" (known: \(EntityType.all.map(\.rawValue).joined(separator: ", ")))", rule: id)
        }
        var priority = 0
        if let p = dict["priority"] {
            guard let n = p.integer else { throw fail("\"priority\" must be an integer", rule: id) }
            priority = n
        }
        var pattern: TokenPattern? = nil
        if let p = dict["pattern"] {
            guard case .array(let list) = p, !list.isEmpty else { throw fail("\"pattern\" must be a non-empty list", rule: id) }
            pattern = TokenPattern(elements: try list.map { try parseElement($0, rule: id) })
            if let b = dict["before"] { pattern!.before = try parseTests(b, key: "before", rule: id) }
            if let a = dict["after"] { pattern!.after = try parseTests(a, key: "after", rule: id) }
            if let b = dict["notBefore"] { pattern!.notBefore = try parseTestLists(b, key: "notBefore", rule: id) }
            if let a = dict["notAfter"] { pattern!.notAfter = try parseTestLists(a, key: "notAfter", rule: id) }
        } else {
            for key in ["before", "after", "notBefore", "notAfter"] where dict[key] != nil {
                throw fail("\"\(key)\" needs a \"pattern\"", rule: id)
            }
        }
        let matcher = dict["matcher"]?.stringValue
        if dict["matcher"] != nil && matcher == nil { throw fail("\"matcher\" must be a string", rule: id) }
        if (pattern == nil) == (matcher == nil) { throw fail("a rule has either a \"pattern\" or a \"matcher\"", rule: id) }
        let normalizer = dict["normalizer"]?.stringValue
        if dict["normalizer"] != nil && normalizer == nil { throw fail("\"normalizer\" must be a string", rule: id) }
        var fields: [String: JSONValue] = [:]
        if let f = dict["fields"] {
            guard let map = f.members else { throw fail("\"fields\" must be an object", rule: id) }
            for (k, v) in map { fields[k] = Self.sortedKeys(v) }
        }
        var options: [String: JSONValue] = [:]
        if let f = dict["options"] {
            guard let map = f.members else { throw fail("\"options\" must be an object", rule: id) }
            for (k, v) in map { options[k] = Self.sortedKeys(v) }
        }
        var examples: [RuleExample] = []
        var counterexamples: [RuleCounterexample] = []
        var deferred: Rule.DeferredExamples? = nil
        if case .raw(let e)? = dict["examples"] {
            deferred = Rule.DeferredExamples(examples: e, counterexamples: nil)
        } else {
            examples = try Self.examples(dict["examples"], fail: { fail($0, rule: id) })
        }
        if case .raw(let c)? = dict["counterexamples"] {
            deferred = Rule.DeferredExamples(examples: deferred?.examples, counterexamples: c)
        } else {
            counterexamples = try Self.counterexamples(dict["counterexamples"], fail: { fail($0, rule: id) })
        }
        var enabled = true
        if let e = dict["enabled"] {
            guard case .bool(let b) = e else { throw fail("\"enabled\" must be true or false", rule: id) }
            enabled = b
        }
        return Rule(id: id, type: type, priority: priority, pattern: pattern, matcher: matcher, normalizer: normalizer,
                    fields: fields, options: options, storedExamples: examples, storedCounterexamples: counterexamples,
                    deferredExamples: deferred, source: source, comment: dict["comment"]?.stringValue, enabled: enabled)
    }

    /// The "examples" of a rule (absent: none).
    static func examples(_ value: JSONValue?, fail: (String) -> ExtractionError) throws -> [RuleExample] {
        var examples: [RuleExample] = []
        if let e = value {
            guard case .array(let list) = e else { throw fail("\"examples\" must be a list") }
            for item in list {
                guard let ex = item.members, let text = ex["text"]?.stringValue else {
                    throw fail("an example is an object with \"text\" and \"match\"")
                }
                for key in ex.keys where !["text", "match", "value", "fields", "dct"].contains(key) {
                    throw fail("unknown key \"\(key)\" in an example")
                }
                let match = ex["match"]?.stringValue ?? text
                guard text.utf8.firstRange(of: match.utf8) != nil else { throw fail("example match \"\(match)\" is not in its text") }
                var exFields: [String: JSONValue] = [:]
                if let f = ex["fields"]?.members {
                    for (k, v) in f { exFields[k] = Self.sortedKeys(v) }
                }
                examples.append(RuleExample(text: text, match: match, value: ex["value"].map(Self.sortedKeys),
                                            fields: exFields, dct: ex["dct"]?.stringValue))
            }
        }
        return examples
    }

    /// The "counterexamples" of a rule (absent: none).
    static func counterexamples(_ value: JSONValue?, fail: (String) -> ExtractionError) throws -> [RuleCounterexample] {
        var counterexamples: [RuleCounterexample] = []
        if let c = value {
            guard case .array(let list) = c else { throw fail("\"counterexamples\" must be a list") }
            for item in list {
                if let text = item.stringValue {
                    counterexamples.append(RuleCounterexample(text: text, match: nil, dct: nil))
                } else if let ex = item.members, let text = ex["text"]?.stringValue {
                    for key in ex.keys where !["text", "match", "dct"].contains(key) {
                        throw fail("unknown key \"\(key)\" in a counterexample")
                    }
                    counterexamples.append(RuleCounterexample(text: text, match: ex["match"]?.stringValue, dct: ex["dct"]?.stringValue))
                } else {
                    throw fail("a counterexample is a string or an object with \"text\"")
                }
            }
        }
        return counterexamples
    }

    func parseTests(_ any: JSONValue, key: String, rule: String) throws -> [TokenTest] {
        guard case .array(let list) = any else { throw fail("\"\(key)\" must be a list of token tests", rule: rule) }
        return try list.map { item in
            guard let dict = item.members else { throw fail("\"\(key)\" must be a list of token tests", rule: rule) }
            for k in dict.keys where ["op", "max", "name", "group", "oneOf"].contains(k) {
                throw fail("\"\(k)\" is not allowed in \"\(key)\"", rule: rule)
            }
            return try parseTest(dict, rule: rule)
        }
    }

    func parseTestLists(_ any: JSONValue, key: String, rule: String) throws -> [[TokenTest]] {
        guard case .array(let list) = any else { throw fail("\"\(key)\" must be a list of lists of token tests", rule: rule) }
        return try list.map { try parseTests($0, key: key, rule: rule) }
    }

    func parseElement(_ any: JSONValue, rule: String) throws -> PatternElement {
        guard let dict = any.members else { throw fail("a pattern element must be an object", rule: rule) }
        for key in dict.keys where !Self.elementKeys.contains(key) {
            throw fail("unknown key \"\(key)\" in a pattern element (allowed: \(Self.elementKeys.sorted().joined(separator: ", ")))", rule: rule)
        }
        var q = Quantifier.once
        let maxRepeat = dict["max"]?.integer ?? 8
        if dict["max"] != nil && dict["max"]?.integer == nil { throw fail("\"max\" must be an integer", rule: rule) }
        if maxRepeat < 1 || maxRepeat > 64 { throw fail("\"max\" must be 1 to 64", rule: rule) }
        if let op = dict["op"] {
            switch op.stringValue {
            case "?": q = Quantifier(min: 0, max: 1)
            case "*": q = Quantifier(min: 0, max: maxRepeat)
            case "+": q = Quantifier(min: 1, max: maxRepeat)
            default: throw fail("\"op\" must be \"?\", \"*\" or \"+\"", rule: rule)
            }
        }
        let name = dict["name"]?.stringValue
        if dict["name"] != nil && name == nil { throw fail("\"name\" must be a string", rule: rule) }
        if let g = dict["group"] {
            guard case .array(let list) = g, !list.isEmpty else { throw fail("\"group\" must be a non-empty list", rule: rule) }
            if dict.keys.contains(where: { !["group", "op", "max", "name"].contains($0) }) {
                throw fail("a \"group\" element takes only op, max and name besides", rule: rule)
            }
            return .group(try list.map { try parseElement($0, rule: rule) }, q, name: name)
        }
        if let o = dict["oneOf"] {
            guard case .array(let list) = o, !list.isEmpty else { throw fail("\"oneOf\" must be a non-empty list of element lists", rule: rule) }
            if dict.keys.contains(where: { !["oneOf", "op", "max", "name"].contains($0) }) {
                throw fail("a \"oneOf\" element takes only op, max and name besides", rule: rule)
            }
            let alternatives: [[PatternElement]] = try list.map { alt in
                guard case .array(let seq) = alt, !seq.isEmpty else { throw fail("each \"oneOf\" alternative is a non-empty list", rule: rule) }
                return try seq.map { try parseElement($0, rule: rule) }
            }
            return .oneOf(alternatives, q, name: name)
        }
        return .token(try parseTest(dict, rule: rule), q, name: name)
    }

    func strings(_ any: JSONValue?, key: String, rule: String) throws -> [String]? {
        guard let any else { return nil }
        if let s = any.stringValue { return [s] }
        if let list = any.strings, !list.isEmpty { return list }
        throw fail("\"\(key)\" must be a string or a non-empty list of strings", rule: rule)
    }

    func parseTest(_ dict: JSONMembers, rule: String) throws -> TokenTest {
        var t = TokenTest()
        if let l = try strings(dict["lower"], key: "lower", rule: rule) { t.lower = Self.foldedSet(l) }
        if let l = try strings(dict["notLower"], key: "notLower", rule: rule) { t.notLower = Self.foldedSet(l) }
        if let l = try strings(dict["text"], key: "text", rule: rule) { t.text = Set(l) }
        if let l = try strings(dict["vocab"], key: "vocab", rule: rule) { t.vocab = l }
        if let l = try strings(dict["notVocab"], key: "notVocab", rule: rule) { t.notVocab = l }
        if let l = try strings(dict["shape"], key: "shape", rule: rule) { t.shape = Set(l) }
        t.flags = try flags(dict["is"], key: "is", rule: rule)
        t.notFlags = try flags(dict["not"], key: "not", rule: rule)
        if let r = dict["range"] {
            guard case .array(let pair) = r, pair.count == 2, let low = pair[0].doubleValue, let high = pair[1].doubleValue, low <= high else {
                throw fail("\"range\" must be [min, max]", rule: rule)
            }
            t.range = low...high
        }
        if let g = dict["glued"] {
            guard case .bool(let b) = g else { throw fail("\"glued\" must be true or false", rule: rule) }
            t.glued = b
        }
        if let m = dict["minLength"] {
            guard let n = m.integer else { throw fail("\"minLength\" must be an integer", rule: rule) }
            t.minLength = n
        }
        return t
    }

    /// The folded forms of a test's words, as a set (built without an intermediate array).
    static func foldedSet(_ words: [String]) -> Set<String> {
        var set = Set<String>(minimumCapacity: words.count)
        for w in words { set.insert(TextFolder.fold(w)) }
        return set
    }

    /// The flags named by a test's "is" or "not" (none when absent).
    func flags(_ any: JSONValue?, key: String, rule: String) throws -> TokenFlags {
        var flags = TokenFlags()
        for name in try strings(any, key: key, rule: rule) ?? [] {
            guard let f = TokenFlags.byName[name] else {
                throw fail("unknown flag \"\(name)\" in \"\(key)\" (known: \(TokenFlags.byName.keys.sorted().joined(separator: ", ")))", rule: rule)
            }
            flags.insert(f)
        }
        return flags
    }

    /// A value with the keys of every object sorted (stable output whatever the file's order)
    /// and whole numbers as integers.
    static func sortedKeys(_ v: JSONValue) -> JSONValue {
        switch v {
        case .array(let list): return .array(list.map(sortedKeys))
        case .object(let pairs): return .object(pairs.sorted { $0.0 < $1.0 }.map { ($0.0, sortedKeys($0.1)) })
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: return .int(Int(d))
        default: return v
        }
    }
}

extension JSONValue {
    /// An object's members (rule files have no duplicate keys: the parser rejects them).
    var members: JSONMembers? {
        guard case .object(let pairs) = self else { return nil }
        return JSONMembers(pairs: pairs)
    }

    /// A list of strings, when every item is one.
    var strings: [String]? {
        guard case .array(let list) = self else { return nil }
        var out: [String] = []
        out.reserveCapacity(list.count)
        for item in list {
            guard case .string(let s) = item else { return nil }
            out.append(s)
        }
        return out
    }

    /// An integer (a JSON number without a fraction; not a boolean).
    var integer: Int? {
        switch self {
        case .int(let i): return i
        case .number(let d) where d == d.rounded() && abs(d) < 1e15: return Int(d)
        default: return nil
        }
    }
}

/// The members of a JSON object in file order, looked up by a linear scan: rule-file
/// objects have a handful of keys, where comparing short strings beats hashing them.
struct JSONMembers: Sequence {
    let pairs: [(String, JSONValue)]

    subscript(key: String) -> JSONValue? {
        for (k, v) in pairs where k == key { return v }
        return nil
    }

    var keys: [String] { pairs.map(\.0) }

    func makeIterator() -> IndexingIterator<[(String, JSONValue)]> { pairs.makeIterator() }
}
