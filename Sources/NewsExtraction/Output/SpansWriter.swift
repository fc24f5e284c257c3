/// Writes a document as one line of spaCy/Prodigy-style spans JSON:
/// `{"text": …, "spans": [{"start", "end", "label"}], "meta": {"id": …}}`, offsets in
/// Unicode scalars (Python `str` indices, what spaCy's `Doc.char_span` takes). Prodigy
/// reads such lines with its `spans.manual`/`ner.manual` recipes; spaCy users turn them
/// into `Doc.ents` or `Doc.spans` with `doc.char_span(start, end, label=label)`.
public enum SpansWriter {
    /// One JSON line, newline included. `meta` gets `id` and, when known, `dct`.
    public static func line(id: String?, text: String, entities: [Entity], dct: String? = nil) -> [UInt8] {
        var w = JSONWriter(capacity: text.utf8.count + entities.count * 48 + 64)
        w.raw("{\"text\":")
        w.string(text)
        w.raw(",\"spans\":[")
        for (i, e) in entities.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }).enumerated() {
            if i > 0 { w.bytes.append(0x2C) }
            w.raw("{\"start\":")
            w.int(e.start)
            w.raw(",\"end\":")
            w.int(e.end)
            w.raw(",\"label\":")
            w.string(e.type.rawValue)
            w.bytes.append(0x7D)
        }
        w.raw("],\"meta\":{\"id\":")
        if let id { w.string(id) } else { w.raw("null") }
        if let dct {
            w.raw(",\"dct\":")
            w.string(dct)
        }
        w.raw("}}\n")
        return w.bytes
    }
}
