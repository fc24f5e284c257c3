/// Writes documents as TimeML (the annotation format of TimeBank and TempEval): the text
/// with a `<TIMEX3 tid type value>` element around each DATE, TIME, DURATION and SET
/// entity; other entity types are left as plain text. A known DCT becomes the creation
/// time `t0` in `<DCT>`. Type-specific fields named like TIMEX3 attributes (`mod`,
/// `quant`, `freq`, `anchorTimeID`, `beginPoint`, `endPoint`) are written as attributes.
///
/// `document` returns one `<TimeML>` element; `standalone` wraps it with the XML
/// declaration (one document), `collectionHeader`/`collectionFooter` put several in one
/// well-formed `<TimeMLCollection>`.
public enum TimeMLWriter {
    /// The entity types that become TIMEX3.
    public static let timexTypes: Set<EntityType> = [.date, .time, .duration, .set]
    static let attributeFields = ["mod", "quant", "freq", "anchorTimeID", "beginPoint", "endPoint"]

    public static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    public static let collectionHeader = declaration + "<TimeMLCollection>\n"
    public static let collectionFooter = "</TimeMLCollection>\n"

    /// One document as a complete XML file.
    public static func standalone(id: String?, text: String, entities: [Entity], dct: DocumentDate?) -> String {
        declaration + document(id: id, text: text, entities: entities, dct: dct)
    }

    /// One `<TimeML>` element (entity offsets are Unicode scalar offsets into `text`).
    public static func document(id: String?, text: String, entities: [Entity], dct: DocumentDate?) -> String {
        var out = "<TimeML xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:noNamespaceSchemaLocation=\"http://timeml.org/timeMLdocs/TimeML_1.2.1.xsd\">\n"
        if let id { out += "<DOCID>\(escape(id))</DOCID>\n" }
        if let dct {
            let v = dct.description
            out += "<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"\(escape(v))\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">\(escape(v))</TIMEX3></DCT>\n"
        }
        out += "<TEXT>"
        let scalars = Array(text.unicodeScalars)
        var pos = 0
        var tid = 0
        func append(_ range: Range<Int>) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            out += escape(String(view))
        }
        for e in entities.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) where timexTypes.contains(e.type) {
            guard e.start >= pos, e.end > e.start, e.end <= scalars.count else { continue }
            tid += 1
            append(pos..<e.start)
            out += "<TIMEX3 tid=\"t\(tid)\" type=\"\(e.type.rawValue)\" value=\"\(escape(timexValue(e.value)))\""
            for k in attributeFields { if let v = e.fields[k] { out += " \(k)=\"\(escape(timexValue(v)))\"" } }
            out += ">"
            append(e.start..<e.end)
            out += "</TIMEX3>"
            pos = e.end
        }
        append(pos..<scalars.count)
        out += "</TEXT>\n</TimeML>\n"
        return out
    }

    /// A TIMEX3 attribute value: strings as they are, other JSON as its text.
    static func timexValue(_ v: JSONValue?) -> String {
        switch v {
        case .string(let s)?: return s
        case nil, .null?: return ""
        case let other?: return other.description
        }
    }

    /// Escapes text for markup (see `MarkupEscaper`).
    public static func escape(_ s: String) -> String { MarkupEscaper.escape(s) }
}
