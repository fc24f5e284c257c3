/// Every error the library reports: each names what went wrong and where.
public enum ExtractionError: Error, Equatable, CustomStringConvertible, Sendable {
    /// The input is not UTF-8: the byte offset (in the document or line) of the first bad byte.
    case invalidUTF8(byteOffset: Int)
    /// A JSON line could not be read: what, and the byte offset in the line.
    case malformedJSON(message: String, byteOffset: Int)
    /// A JSON line has no usable "text".
    case missingText(message: String)
    /// A document's "dct" is not a date of the form YYYY, YYYY-MM or YYYY-MM-DD.
    case invalidDCT(String)
    /// A rule or vocabulary file is invalid: file, line where known, rule id where known.
    case invalidRules(file: String, line: Int?, rule: String?, message: String)
    /// A document longer than the limit (`ProcessingOptions.maxCharacters`, `--max-chars`):
    /// its length in Unicode scalars and the limit.
    case documentTooLarge(characters: Int, limit: Int)

    public var kind: String {
        switch self {
        case .invalidUTF8: return "invalid_utf8"
        case .malformedJSON: return "malformed_json"
        case .missingText: return "missing_text"
        case .invalidDCT: return "invalid_dct"
        case .invalidRules: return "invalid_rules"
        case .documentTooLarge: return "document_too_large"
        }
    }

    public var description: String {
        switch self {
        case .invalidUTF8(let offset): return "invalid UTF-8 at byte \(offset)"
        case .malformedJSON(let message, let offset): return "malformed JSON at byte \(offset): \(message)"
        case .missingText(let message): return message
        case .invalidDCT(let s): return "invalid dct \"\(s)\": expected YYYY, YYYY-MM or YYYY-MM-DD"
        case .invalidRules(let file, let line, let rule, let message):
            var s = file
            if let line { s += ":\(line)" }
            if let rule { s += ": rule \(rule)" }
            return s + ": " + message
        case .documentTooLarge(let n, let limit):
            return "a document of \(n) characters is longer than the limit of \(limit) (--max-chars raises it)"
        }
    }
}
