import Foundation

/// Compares two outputs of `extract` (JSON Lines files) entity by entity, for a rule
/// author who changed a rule and wants to see what the change did to a corpus.
///
/// Documents are paired by `"id"` (the k-th occurrence of an id with the k-th occurrence
/// on the other side), or by line number when a line has no id. Within a document:
/// - an entity identical on both sides is *unchanged*;
/// - the same span with a different type, value, rule or fields is *changed*;
/// - overlapping spans with different boundaries are *changed* (aspect `span`), each old
///   entity paired with the new one it overlaps most (same type preferred);
/// - whatever is left is *removed* (old side) or *added* (new side).
/// A document present on one side only counts all its entities as removed or added.
///
/// Reads the output lines with Foundation's JSONSerialization: this is a tool, not the
/// hot path.
public struct EntityDiff {
    /// One line of an `extract` output file: a document and its entities.
    public struct Document: Sendable {
        /// The `"id"` field as text (a number id is written as a number), nil when absent.
        public var id: String?
        /// 1-based physical line number in its file.
        public var line: Int
        public var text: String?
        public var dct: String?
        /// The `"error"` message of a document that failed.
        public var error: String?
        public var entities: [Entity]

        /// What pairs this document with its counterpart: the id, else the line number.
        public var key: String { id ?? "line \(line)" }

        public init(id: String?, line: Int, text: String?, dct: String? = nil, error: String? = nil, entities: [Entity]) {
            self.id = id
            self.line = line
            self.text = text
            self.dct = dct
            self.error = error
            self.entities = entities
        }

        /// Parses one output line. Throws a message naming what is wrong.
        public static func parse(_ data: Data, line: Int) throws -> Document {
            let object: Any
            do {
                object = try JSONSerialization.jsonObject(with: data, options: [])
            } catch {
                throw DiffError("line \(line): not valid JSON")
            }
            guard let dict = object as? [String: Any] else { throw DiffError("line \(line): not a JSON object") }
            var id: String? = nil
            switch dict["id"] {
            case let s as String: id = s
            case let n as NSNumber: id = EntityDiff.jsonValue(n).description
            default: break
            }
            var error: String? = nil
            if let e = dict["error"] as? [String: Any] {
                error = (e["message"] as? String) ?? (e["kind"] as? String) ?? "error"
            } else if let e = dict["error"] as? String {
                error = e
            }
            guard let list = dict["entities"] as? [Any] else {
                throw DiffError("line \(line): no \"entities\" list (is this the output of extract?)")
            }
            var entities: [Entity] = []
            entities.reserveCapacity(list.count)
            for (k, item) in list.enumerated() {
                guard let e = item as? [String: Any], let type = e["type"] as? String,
                      let start = (e["start"] as? NSNumber)?.intValue else {
                    throw DiffError("line \(line): entity \(k + 1) lacks \"type\" or \"start\"")
                }
                var fields: [String: JSONValue] = [:]
                for (key, value) in e where !Self.entityKeys.contains(key) { fields[key] = EntityDiff.jsonValue(value) }
                // A type-specific field named "end" (a range's end) shadows the offset in a
                // JSON reader that keeps the last duplicate key: the text gives the length.
                let end: Int
                if let n = e["end"] as? NSNumber, !(e["end"] is String) {
                    end = n.intValue
                } else if let text = e["text"] as? String {
                    end = start + text.unicodeScalars.count
                    if let v = e["end"] { fields["end"] = EntityDiff.jsonValue(v) }
                } else {
                    throw DiffError("line \(line): entity \(k + 1) lacks \"end\"")
                }
                let value = e["value"].map(EntityDiff.jsonValue)
                entities.append(Entity(type: EntityType(rawValue: type), start: start, end: end, text: e["text"] as? String ?? "",
                                       value: value == .null ? nil : value, rule: e["rule"] as? String ?? "", fields: fields))
            }
            return Document(id: id, line: line, text: dict["text"] as? String, dct: dict["dct"] as? String, error: error, entities: entities)
        }

        /// Keys that are not type-specific fields; `explain` provenance is not compared either.
        static let entityKeys: Set<String> = ["type", "start", "end", "text", "value", "rule", "explain", "reason"]
    }

    /// A problem reading an output file.
    public struct DiffError: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    /// What happened to an entity.
    public enum ChangeKind: String, Sendable {
        case added, removed, changed
    }

    /// One difference: an added entity (`new` only), a removed one (`old` only) or a
    /// changed one (both), with the aspects that differ.
    public struct Change: Sendable {
        public var kind: ChangeKind
        public var old: Entity?
        public var new: Entity?
        /// For `changed`: any of `span`, `type`, `value`, `rule`, `fields`, in this order.
        public var aspects: [String]
        /// The type it is counted under: the old entity's type (the new one's for an addition).
        public var type: EntityType { (old ?? new)!.type }
    }

    /// The differences of one document.
    public struct DocumentDiff: Sendable {
        public var key: String
        public var oldLine: Int?
        public var newLine: Int?
        /// The text to show: the new one, else the old one.
        public var text: String?
        /// Both sides have a text and they differ: offsets may not be comparable.
        public var textChanged: Bool
        public var changes: [Change]
        public var unchanged: [Entity]
        /// The new side's entities (all of them), for a view of the new text.
        public var newEntities: [Entity]

        public var onlyInOld: Bool { newLine == nil }
        public var onlyInNew: Bool { oldLine == nil }
        public var hasDifferences: Bool { !changes.isEmpty || onlyInOld || onlyInNew || textChanged }
    }

    /// Counts per type.
    public struct Counts: Sendable, Equatable {
        public var added = 0
        public var removed = 0
        public var changed = 0
        public var unchanged = 0
        public init() {}
        public var differences: Int { added + removed + changed }
    }

    /// The whole comparison.
    public struct Result: Sendable {
        /// Every paired or unpaired document, in old order then new-only documents.
        public var documents: [DocumentDiff]
        /// Counts per type, sorted by type name.
        public var totals: [(type: EntityType, counts: Counts)]

        public var hasDifferences: Bool { documents.contains { $0.hasDifferences } }

        /// The sum over all types.
        public var overall: Counts {
            var c = Counts()
            for (_, t) in totals {
                c.added += t.added; c.removed += t.removed; c.changed += t.changed; c.unchanged += t.unchanged
            }
            return c
        }
    }

    // MARK: - Reading

    /// Reads an output file of `extract`: one JSON object per non-blank line.
    public static func readDocuments(path: String) throws -> [Document] {
        guard let data = FileManager.default.contents(atPath: path) else { throw DiffError("\(path): cannot read the file") }
        do {
            return try readDocuments(data: data)
        } catch let e as DiffError {
            throw DiffError("\(path): \(e.description)")
        }
    }

    /// Reads output JSON Lines from memory.
    public static func readDocuments(data: Data) throws -> [Document] {
        var documents: [Document] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            documents.append(try Document.parse(Data(line), line: lineNumber))
        }
        return documents
    }

    static func jsonValue(_ any: Any) -> JSONValue {
        switch any {
        case let s as String: return .string(s)
        case let n as NSNumber:
            if String(describing: type(of: n)).contains("Boolean") || String(cString: n.objCType) == "c" { return .bool(n.boolValue) }
            let d = n.doubleValue
            return d == d.rounded() && abs(d) < 1e15 ? .int(Int(d)) : .number(d)
        case let list as [Any]: return .array(list.map(jsonValue))
        case let map as [String: Any]: return .object(map.keys.sorted().map { ($0, jsonValue(map[$0]!)) })
        default: return .null
        }
    }

    // MARK: - Comparing

    /// Compares two outputs, pairing documents by id (or line number).
    public static func compare(old: [Document], new: [Document]) -> Result {
        var newByKey: [String: [Int]] = [:]
        for (i, d) in new.enumerated() { newByKey[d.key, default: []].append(i) }
        var usedNew = [Bool](repeating: false, count: new.count)
        var documents: [DocumentDiff] = []
        for o in old {
            var partner: Document? = nil
            if var list = newByKey[o.key], !list.isEmpty {
                let i = list.removeFirst()
                newByKey[o.key] = list
                usedNew[i] = true
                partner = new[i]
            }
            documents.append(compare(old: o, new: partner))
        }
        for (i, n) in new.enumerated() where !usedNew[i] { documents.append(compare(old: nil, new: n)) }
        return Result(documents: documents, totals: totals(documents))
    }

    /// Compares one document with its counterpart (nil: absent on that side).
    public static func compare(old: Document?, new: Document?) -> DocumentDiff {
        let (changes, unchanged) = compare(old: old?.entities ?? [], new: new?.entities ?? [])
        var textChanged = false
        if let a = old?.text, let b = new?.text { textChanged = a != b }
        return DocumentDiff(key: (old ?? new)!.key, oldLine: old?.line, newLine: new?.line, text: new?.text ?? old?.text,
                            textChanged: textChanged, changes: changes, unchanged: unchanged, newEntities: new?.entities ?? [])
    }

    /// Compares two entity lists of one document: the changes (in text order) and the
    /// unchanged entities.
    public static func compare(old: [Entity], new: [Entity]) -> (changes: [Change], unchanged: [Entity]) {
        var oldUsed = [Bool](repeating: false, count: old.count)
        var newUsed = [Bool](repeating: false, count: new.count)
        var unchanged: [Entity] = []
        var changes: [Change] = []
        // 1. Identical entities.
        var newByBounds: [Int: [Int]] = [:]
        for (j, n) in new.enumerated() { newByBounds[n.start &* 1_000_003 &+ n.end, default: []].append(j) }
        for (i, o) in old.enumerated() {
            for j in newByBounds[o.start &* 1_000_003 &+ o.end] ?? [] where !newUsed[j] && new[j] == o {
                oldUsed[i] = true
                newUsed[j] = true
                unchanged.append(o)
                break
            }
        }
        // 2. Same span, something else differs.
        for (i, o) in old.enumerated() where !oldUsed[i] {
            for j in newByBounds[o.start &* 1_000_003 &+ o.end] ?? [] where !newUsed[j] && new[j].start == o.start && new[j].end == o.end {
                oldUsed[i] = true
                newUsed[j] = true
                changes.append(Change(kind: .changed, old: o, new: new[j], aspects: aspects(o, new[j])))
                break
            }
        }
        // 3. Overlapping spans with other boundaries: the largest overlap, same type first.
        for (i, o) in old.enumerated() where !oldUsed[i] {
            var best: Int? = nil
            var bestScore = (0, 0)
            for (j, n) in new.enumerated() where !newUsed[j] && n.start < o.end && o.start < n.end {
                let score = (n.type == o.type ? 1 : 0, min(o.end, n.end) - max(o.start, n.start))
                if best == nil || score > bestScore {
                    best = j
                    bestScore = score
                }
            }
            if let j = best {
                oldUsed[i] = true
                newUsed[j] = true
                changes.append(Change(kind: .changed, old: o, new: new[j], aspects: aspects(o, new[j])))
            }
        }
        // 4. The rest.
        for (i, o) in old.enumerated() where !oldUsed[i] { changes.append(Change(kind: .removed, old: o, new: nil, aspects: [])) }
        for (j, n) in new.enumerated() where !newUsed[j] { changes.append(Change(kind: .added, old: nil, new: n, aspects: [])) }
        changes.sort { a, b in
            let x = a.new ?? a.old!, y = b.new ?? b.old!
            return (x.start, x.end, a.kind == .removed ? 0 : 1) < (y.start, y.end, b.kind == .removed ? 0 : 1)
        }
        return (changes, unchanged)
    }

    /// The aspects in which two paired entities differ.
    static func aspects(_ o: Entity, _ n: Entity) -> [String] {
        var list: [String] = []
        if o.start != n.start || o.end != n.end || o.text != n.text { list.append("span") }
        if o.type != n.type { list.append("type") }
        if (o.value ?? .null) != (n.value ?? .null) { list.append("value") }
        if o.rule != n.rule { list.append("rule") }
        if o.fields != n.fields { list.append("fields") }
        return list
    }

    static func totals(_ documents: [DocumentDiff]) -> [(type: EntityType, counts: Counts)] {
        var map: [EntityType: Counts] = [:]
        for d in documents {
            for e in d.unchanged { map[e.type, default: Counts()].unchanged += 1 }
            for c in d.changes {
                switch c.kind {
                case .added: map[c.type, default: Counts()].added += 1
                case .removed: map[c.type, default: Counts()].removed += 1
                case .changed: map[c.type, default: Counts()].changed += 1
                }
            }
        }
        return map.keys.sorted().map { ($0, map[$0]!) }
    }

    // MARK: - Reports

    /// A one-line description of an entity: `DATE "May 5" [10,15) = "2023-05-05" (date.month-day)`.
    public static func describe(_ e: Entity) -> String {
        "\(e.type) \(JSONValue.string(e.text)) [\(e.start),\(e.end)) = \((e.value ?? .null).description) (\(e.rule.isEmpty ? "no rule" : e.rule))"
    }

    /// The entity in its sentence context, on one line: `…the week before [Christmas Day], the…`.
    static func context(_ text: [Unicode.Scalar], _ e: Entity, width: Int = 40) -> String? {
        guard e.start >= 0, e.start < e.end, e.end <= text.count else { return nil }
        func flat(_ range: Range<Int>) -> String {
            var view = String.UnicodeScalarView()
            for c in text[range] { view.append(c.properties.isWhitespace ? " " : c) }
            return String(view)
        }
        let from = max(0, e.start - width), to = min(text.count, e.end + width)
        return (from > 0 ? "…" : "") + flat(from..<e.start) + "[" + flat(e.start..<e.end) + "]" + flat(e.end..<to) + (to < text.count ? "…" : "")
    }

    /// The human-readable report: per document, then totals per type.
    public static func textReport(_ result: Result) -> String {
        var out = ""
        for d in result.documents where d.hasDifferences {
            var where_ = [String]()
            if let l = d.oldLine { where_.append("old line \(l)") }
            if let l = d.newLine { where_.append("new line \(l)") }
            out += "== \(d.key) (\(where_.joined(separator: ", ")))"
            if d.onlyInOld { out += ": only in OLD" }
            if d.onlyInNew { out += ": only in NEW" }
            out += "\n"
            if d.textChanged { out += "  ! the text differs between OLD and NEW: offsets may not be comparable\n" }
            let scalars = d.textChanged ? [] : Array((d.text ?? "").unicodeScalars)
            for c in d.changes {
                switch c.kind {
                case .added: out += "  + \(describe(c.new!))\n"
                case .removed: out += "  - \(describe(c.old!))\n"
                case .changed:
                    out += "  ~ \(describe(c.old!))\n    → \(describe(c.new!))  [\(c.aspects.joined(separator: ","))]\n"
                }
                if let line = context(scalars, c.new ?? c.old!) { out += "      \(line)\n" }
            }
        }
        if result.hasDifferences { out += "\n" }
        out += totalsTable(result)
        let differing = result.documents.filter(\.hasDifferences).count
        let onlyOld = result.documents.filter(\.onlyInOld).count
        let onlyNew = result.documents.filter(\.onlyInNew).count
        out += "documents: \(result.documents.count), with differences: \(differing), only in OLD: \(onlyOld), only in NEW: \(onlyNew)\n"
        return out
    }

    /// The table of counts per type, with a total row.
    public static func totalsTable(_ result: Result) -> String {
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            s.count >= n ? s : (left ? s + String(repeating: " ", count: n - s.count) : String(repeating: " ", count: n - s.count) + s)
        }
        var out = pad("type", 10, left: true) + pad("added", 8) + pad("removed", 9) + pad("changed", 9) + pad("unchanged", 11) + "\n"
        func row(_ name: String, _ c: Counts) {
            out += pad(name, 10, left: true) + pad("\(c.added)", 8) + pad("\(c.removed)", 9) + pad("\(c.changed)", 9) + pad("\(c.unchanged)", 11) + "\n"
        }
        for (t, c) in result.totals { row(t.rawValue, c) }
        row("all", result.overall)
        return out
    }

    /// The machine report: one JSON line per difference
    /// (`{"id","old_line","new_line","change","type","aspects","old","new"}`; a document on
    /// one side only also gets a `{"change":"document_only_in_old"|"document_only_in_new"}`
    /// line), then one `{"summary":{TYPE:{added,removed,changed,unchanged}},"documents":…}` line.
    public static func jsonLinesReport(_ result: Result) -> String {
        var out = ""
        func entityJSON(_ e: Entity?) -> JSONValue {
            guard let e else { return .null }
            var pairs: [(String, JSONValue)] = [("type", .string(e.type.rawValue)), ("start", .int(e.start)), ("end", .int(e.end)),
                                                ("text", .string(e.text)), ("value", e.value ?? .null), ("rule", .string(e.rule))]
            for k in e.fields.keys.sorted() { pairs.append((k, e.fields[k]!)) }
            return .object(pairs)
        }
        func line(_ pairs: [(String, JSONValue)]) {
            var w = JSONWriter()
            w.write(.object(pairs))
            out += String(decoding: w.bytes, as: UTF8.self) + "\n"
        }
        for d in result.documents where d.hasDifferences {
            let head: [(String, JSONValue)] = [("id", .string(d.key)), ("old_line", d.oldLine.map { .int($0) } ?? .null),
                                               ("new_line", d.newLine.map { .int($0) } ?? .null)]
            if d.onlyInOld || d.onlyInNew { line(head + [("change", .string(d.onlyInOld ? "document_only_in_old" : "document_only_in_new"))]) }
            if d.textChanged { line(head + [("change", .string("text_changed"))]) }
            for c in d.changes {
                line(head + [("change", .string(c.kind.rawValue)), ("type", .string(c.type.rawValue)),
                             ("aspects", .array(c.aspects.map { .string($0) })), ("old", entityJSON(c.old)), ("new", entityJSON(c.new))])
            }
        }
        var summary: [(String, JSONValue)] = []
        let rows: [(type: EntityType, counts: Counts)] = result.totals + [(type: EntityType(rawValue: "all"), counts: result.overall)]
        for (t, c) in rows {
            summary.append((t.rawValue, .object([("added", .int(c.added)), ("removed", .int(c.removed)),
                                                 ("changed", .int(c.changed)), ("unchanged", .int(c.unchanged))])))
        }
        line([("summary", .object(summary)), ("documents", .int(result.documents.count)),
              ("documents_with_differences", .int(result.documents.filter(\.hasDifferences).count))])
        return out
    }
}
