/// Options for turning input documents into output lines.
public struct ProcessingOptions: Sendable {
    /// The DCT of documents that give none.
    public var dct: DocumentDate?
    public var offsets: OffsetUnit = .scalar
    /// Adds each entity's provenance and the discarded candidates.
    public var explain = false
    /// The longest document processed, in Unicode scalars (nil: no limit). A longer one gets
    /// a `document_too_large` error line, as spaCy's `max_length` does: the memory one
    /// document needs grows with its length (about 30 bytes a character for news text,
    /// up to 160 for text that is all punctuation), where a stream of documents needs none.
    public var maxCharacters: Int? = ProcessingOptions.defaultMaxCharacters

    /// 16 Mi characters: ten times the longest news document one meets, and room for the
    /// 10-million-character adversarial inputs of the benchmark.
    public static let defaultMaxCharacters = 16 << 20

    public init(dct: DocumentDate? = nil, offsets: OffsetUnit = .scalar, explain: Bool = false,
                maxCharacters: Int? = ProcessingOptions.defaultMaxCharacters) {
        self.dct = dct
        self.offsets = offsets
        self.explain = explain
        self.maxCharacters = maxCharacters
    }

    /// The error for UTF-8 text longer than the limit (scalars are the bytes that do not
    /// continue a sequence; nothing is decoded).
    func lengthError(_ utf8: UnsafeBufferPointer<UInt8>) -> ExtractionError? {
        guard let limit = maxCharacters, utf8.count > limit else { return nil }
        var scalars = 0
        for b in utf8 where b & 0xC0 != 0x80 { scalars += 1 }
        return scalars > limit ? .documentTooLarge(characters: scalars, limit: limit) : nil
    }
}

/// One document's output line and, when it failed, the error.
public struct ProcessedDocument: Sendable {
    /// The JSON line, newline included.
    public var line: [UInt8]
    /// What went wrong, for standard error (nil when all is well).
    public var error: String?
}

/// Turns one input document (a plain-text file or a JSON line) into one output line,
/// running the whole pipeline. Errors become an `"error"` object in the document's
/// place. Not thread-safe: `copy()` for another thread.
public final class DocumentProcessor: @unchecked Sendable {
    public let extractor: NewsExtractor
    public let options: ProcessingOptions
    let decoder = TextDecoder()

    public init(extractor: NewsExtractor, options: ProcessingOptions) {
        self.extractor = extractor
        self.options = options
    }

    public func copy() -> DocumentProcessor { DocumentProcessor(extractor: extractor.copy(), options: options) }

    /// A plain-text document (a file, or standard input): output `{"id","text","entities"}`.
    public func processText(_ bytes: UnsafeBufferPointer<UInt8>, id: String) -> ProcessedDocument {
        var w = JSONWriter(capacity: bytes.count * 2 + 256)
        w.raw("{\"id\":")
        w.string(id)
        do {
            if let tooLong = options.lengthError(bytes) { throw tooLong }
            let decoded = try decoder.decode(bytes)
            w.raw(",\"text\":")
            w.string(decoded.string)
            writeEntities(decoded, dct: options.dct, to: &w)
            w.raw("}\n")
            return ProcessedDocument(line: w.bytes, error: nil)
        } catch let e as ExtractionError {
            return errorLine(id: .string(id), fields: [], error: e, lineNumber: nil, writer: JSONWriter())
        } catch {
            return errorLine(id: .string(id), fields: [], error: .missingText(message: "\(error)"), lineNumber: nil, writer: JSONWriter())
        }
    }

    /// A JSON Lines input line: its fields passed through, `"entities"` added (an input
    /// `"entities"` field is replaced).
    public func processJSONLine(_ line: UnsafeBufferPointer<UInt8>, lineNumber: Int) -> ProcessedDocument {
        let record: JSONLineReader.Record
        do {
            record = try JSONLineReader.parse(line)
        } catch let e as ExtractionError {
            return errorLine(id: nil, fields: [], error: e, lineNumber: lineNumber, writer: JSONWriter())
        } catch {
            return errorLine(id: nil, fields: [], error: .malformedJSON(message: "\(error)", byteOffset: 0), lineNumber: lineNumber, writer: JSONWriter())
        }
        if let problem = record.problem {
            return errorLine(id: record.id, fields: record.fields, error: problem, lineNumber: lineNumber, writer: JSONWriter())
        }
        var dct = options.dct
        if let s = record.dct {
            guard let d = DocumentDate(s) else {
                return errorLine(id: record.id, fields: record.fields, error: .invalidDCT(s), lineNumber: lineNumber, writer: JSONWriter())
            }
            dct = d
        }
        let tooLong = record.text!.utf8.withContiguousStorageIfAvailable { options.lengthError($0) } ?? nil
        if let tooLong {
            return errorLine(id: record.id, fields: record.fields, error: tooLong, lineNumber: lineNumber, writer: JSONWriter())
        }
        var w = JSONWriter(capacity: line.count * 2 + 256)
        w.bytes.append(0x7B)
        var first = true
        for (key, raw) in record.fields where key != "entities" {
            if !first { w.bytes.append(0x2C) }
            first = false
            w.string(key)
            w.bytes.append(0x3A)
            w.raw(raw)
        }
        let decoded = decoder.decode(record.text!)
        writeEntities(decoded, dct: dct, to: &w)
        w.raw("}\n")
        return ProcessedDocument(line: w.bytes, error: nil)
    }

    /// Appends `,"entities":[…]` (and `"discarded"` in explain mode).
    func writeEntities(_ decoded: DecodedText, dct: DocumentDate?, to w: inout JSONWriter) {
        let result = extractor.extract(decoded, dct: dct, explain: options.explain)
        let offsets = OffsetMap(text: decoded.string, unit: options.offsets)
        w.raw(",\"entities\":")
        if !options.explain {
            EntityWriter.write(result.entities, to: &w, offsets: offsets)
            return
        }
        w.bytes.append(0x5B)
        for (i, e) in result.entities.enumerated() {
            if i > 0 { w.bytes.append(0x2C) }
            EntityWriter.write(e, to: &w, offsets: offsets, extra: [("explain", explanation(e, dct: dct, document: result.document))])
        }
        w.raw("],\"discarded\":[")
        for (i, d) in result.discarded.enumerated() {
            if i > 0 { w.bytes.append(0x2C) }
            EntityWriter.write(d.candidate, to: &w, offsets: offsets, extra: [("reason", .string(d.reason))])
        }
        w.bytes.append(0x5D)
    }

    func explanation(_ e: Entity, dct: DocumentDate?, document: SegmentedDocument?) -> JSONValue {
        let rule = extractor.ruleSet.rule(e.rule)
        var pairs: [(String, JSONValue)] = [("rule", .string(e.rule))]
        if let rule {
            pairs.append(("source", .string(rule.source.components(separatedBy: "/Resources/").last ?? rule.source)))
            pairs.append(("matcher", .string(rule.matcher ?? "pattern")))
            pairs.append(("normalizer", .string(rule.normalizer ?? "none")))
        }
        pairs.append(("dct", dct.map { .string($0.description) } ?? .null))
        if let document {
            // The tokens the entity covers, with the attributes patterns test.
            var tokens: [JSONValue] = []
            for (i, t) in document.tokens.enumerated() {
                let s = document.text.scalarOffset(utf16: t.start), en = document.text.scalarOffset(utf16: t.end)
                if en <= e.start { continue }
                if s >= e.end { break }
                tokens.append(.object([("text", .string(document.text(of: i))), ("lower", .string(t.folded)), ("shape", .string(t.shape))]))
            }
            pairs.append(("tokens", .array(tokens)))
        }
        return .object(pairs)
    }

    func errorLine(id: JSONValue?, fields: [(key: String, raw: [UInt8])], error: ExtractionError, lineNumber: Int?, writer: JSONWriter) -> ProcessedDocument {
        var w = writer
        w.bytes.append(0x7B)
        var wroteField = false
        for (key, raw) in fields where key != "entities" {
            w.string(key)
            w.bytes.append(0x3A)
            w.raw(raw)
            w.bytes.append(0x2C)
            wroteField = true
        }
        if !wroteField, let id {
            w.raw("\"id\":")
            w.write(id)
            w.bytes.append(0x2C)
        }
        var pairs: [(String, JSONValue)] = [("kind", .string(error.kind)), ("message", .string(error.description))]
        if let lineNumber { pairs.append(("line", .int(lineNumber))) }
        switch error {
        case .invalidUTF8(let b), .malformedJSON(_, let b): pairs.append(("byte", .int(b)))
        default: break
        }
        w.raw("\"error\":")
        w.write(.object(pairs))
        w.raw(",\"entities\":[]}\n")
        var place = lineNumber.map { "line \($0)" } ?? ""
        if case .string(let s)? = id { place = place.isEmpty ? s : "\(place) (\(s))" }
        return ProcessedDocument(line: w.bytes, error: "\(place): \(error.description)")
    }
}
