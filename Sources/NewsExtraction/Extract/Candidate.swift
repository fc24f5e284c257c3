/// A possible entity, before overlap resolution: offsets are UTF-16 offsets into the
/// decoded text, and a date's value may still wait for the DCT (`deferred`).
public struct Candidate: Sendable {
    public var type: EntityType
    /// UTF-16 start and end (exclusive).
    public var start: Int
    public var end: Int
    public var rule: String
    public var priority: Int
    public var value: JSONValue?
    public var fields: [String: JSONValue]
    /// A value computed only once the DCT is known (stage 6).
    public var deferred: (any DeferredValue)?
    /// Token range of the candidate, where it came from tokens.
    public var tokenRange: Range<Int>?

    public init(type: EntityType, start: Int, end: Int, rule: String, priority: Int = 0,
                value: JSONValue? = nil, fields: [String: JSONValue] = [:],
                deferred: (any DeferredValue)? = nil, tokenRange: Range<Int>? = nil) {
        self.type = type
        self.start = start
        self.end = end
        self.rule = rule
        self.priority = priority
        self.value = value
        self.fields = fields
        self.deferred = deferred
        self.tokenRange = tokenRange
    }

    public var length: Int { end - start }
}

/// A value that needs the document creation time: an underspecified date anchored in
/// stage 6. `resolve` returns the value, the fields to add, and may change the type
/// (a date rule can make a DURATION or SET).
public protocol DeferredValue: Sendable {
    func resolve(dct: DocumentDate?) -> (value: JSONValue, fields: [String: JSONValue])
    /// The same, with the fields written into `fields` (its own win over those there):
    /// the value. Stage 6 calls this one, so that a date's fields are not made as a second
    /// dictionary and merged.
    func resolve(dct: DocumentDate?, into fields: inout [String: JSONValue]) -> JSONValue
}

extension DeferredValue {
    public func resolve(dct: DocumentDate?, into fields: inout [String: JSONValue]) -> JSONValue {
        let r = resolve(dct: dct)
        if fields.isEmpty { fields = r.fields } else { fields.merge(r.fields) { _, new in new } }
        return r.value
    }
}

/// An extracted entity, as written to the output. Offsets are Unicode scalar offsets
/// into the original text (BOM excluded), end exclusive.
public struct Entity: Sendable, Equatable {
    public var type: EntityType
    public var start: Int
    public var end: Int
    public var text: String
    public var value: JSONValue?
    public var rule: String
    /// Type-specific fields (scope, qualifier, timex_type…).
    public var fields: [String: JSONValue]

    public init(type: EntityType, start: Int, end: Int, text: String, value: JSONValue?, rule: String, fields: [String: JSONValue]) {
        self.type = type
        self.start = start
        self.end = end
        self.text = text
        self.value = value
        self.rule = rule
        self.fields = fields
    }
}
