import Foundation

/// `extract eval`: runs the pipeline on gold documents (the format of
/// `../shared/corpora/README.md`) and scores it per type: strict and lenient precision,
/// recall and F1, value accuracy, and hits on negative spans.
public struct Evaluator {
    /// A gold annotation.
    public struct GoldEntity: Sendable {
        public var type: String
        public var start: Int
        public var end: Int
        public var text: String
        public var value: String?
        public var status: String
        public var alt: [(Int, Int)]
        public var timexType: String?
    }

    public struct GoldDocument: Sendable {
        public var id: String
        public var text: String
        public var dct: String?
        public var entities: [GoldEntity]
    }

    /// Scores of one type.
    public struct Score: Sendable {
        public var type: String
        public var gold = 0
        public var predicted = 0
        public var strictHits = 0
        public var strictPredHits = 0
        public var lenientHits = 0
        public var lenientPredHits = 0
        public var valueChecked = 0
        public var valueRight = 0
        public var negativeHits = 0
        public var optionalHits = 0

        func ratio(_ a: Int, _ b: Int) -> Double { b == 0 ? 0 : Double(a) / Double(b) }
        public var strictPrecision: Double { ratio(strictPredHits, predicted) }
        public var strictRecall: Double { ratio(strictHits, gold) }
        public var strictF1: Double { f1(strictPrecision, strictRecall) }
        public var lenientPrecision: Double { ratio(lenientPredHits, predicted) }
        public var lenientRecall: Double { ratio(lenientHits, gold) }
        public var lenientF1: Double { f1(lenientPrecision, lenientRecall) }
        public var valueAccuracy: Double { ratio(valueRight, valueChecked) }
        func f1(_ p: Double, _ r: Double) -> Double { p + r == 0 ? 0 : 2 * p * r / (p + r) }
    }

    /// A miss or false positive, for `--errors`.
    public struct ErrorCase: Sendable {
        public var kind: String  // "miss", "false-positive", "wrong-value"
        public var document: String
        public var type: String
        public var text: String
        public var start: Int
        public var end: Int
        public var detail: String
        public var context: String
    }

    public struct Report: Sendable {
        public var scores: [Score]
        public var errors: [ErrorCase]
        public var documents: Int
    }

    /// Reads a gold file.
    public static func readGold(path: String) throws -> [GoldDocument] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ExtractionError.missingText(message: "cannot read \(path)")
        }
        var docs: [GoldDocument] = []
        var lineNumber = 0
        for line in data.split(separator: 0x0A) {
            lineNumber += 1
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line)) as? [String: Any],
                  let text = obj["text"] as? String else {
                throw ExtractionError.malformedJSON(message: "\(path): line \(lineNumber) is not a gold document", byteOffset: 0)
            }
            var entities: [GoldEntity] = []
            for e in (obj["entities"] as? [[String: Any]]) ?? [] {
                guard let type = e["type"] as? String, let s = e["start"] as? Int, let en = e["end"] as? Int else { continue }
                let alt = ((e["alt"] as? [[Int]]) ?? []).compactMap { $0.count == 2 ? ($0[0], $0[1]) : nil }
                entities.append(GoldEntity(type: type, start: s, end: en, text: (e["text"] as? String) ?? "",
                                           value: e["value"].flatMap { $0 is NSNull ? nil : "\($0)" }, status: (e["status"] as? String) ?? "required",
                                           alt: alt, timexType: e["timex_type"] as? String))
            }
            docs.append(GoldDocument(id: (obj["id"] as? String) ?? "line \(lineNumber)", text: text, dct: obj["dct"] as? String, entities: entities))
        }
        return docs
    }

    let extractor: NewsExtractor
    let defaultDCT: DocumentDate?

    public init(extractor: NewsExtractor, defaultDCT: DocumentDate? = nil) {
        self.extractor = extractor
        self.defaultDCT = defaultDCT
    }

    /// Scores `types` (nil: every type present in the gold or the predictions).
    public func evaluate(_ docs: [GoldDocument], types: Set<String>?) -> Report {
        var scores: [String: Score] = [:]
        var errors: [ErrorCase] = []
        for doc in docs {
            let dct = doc.dct.flatMap(DocumentDate.init) ?? defaultDCT
            let predicted = extractor.extract(text: doc.text, dct: dct)
            let scalars = Array(doc.text.unicodeScalars)
            func context(_ s: Int, _ e: Int) -> String {
                let a = max(0, s - 40), b = min(scalars.count, e + 40)
                var out = String(String.UnicodeScalarView(scalars[a..<s])) + "[" + String(String.UnicodeScalarView(scalars[s..<e])) + "]" + String(String.UnicodeScalarView(scalars[e..<b]))
                out = out.replacingOccurrences(of: "\n", with: " ")
                return out
            }
            var typeNames = Set(doc.entities.map(\.type)).union(predicted.map(\.type.rawValue))
            if let types { typeNames = typeNames.intersection(types) }
            for type in typeNames {
                var score = scores[type] ?? Score(type: type)
                let gold = doc.entities.filter { $0.type == type }
                let required = gold.filter { $0.status == "required" }
                let optional = gold.filter { $0.status == "optional" }
                let negative = gold.filter { $0.status == "negative" }
                let preds = predicted.filter { $0.type.rawValue == type }
                score.gold += required.count
                func spans(_ g: GoldEntity) -> [(Int, Int)] { [(g.start, g.end)] + g.alt }
                func strict(_ p: Entity, _ g: GoldEntity) -> Bool { spans(g).contains { $0.0 == p.start && $0.1 == p.end } }
                func lenient(_ p: Entity, _ g: GoldEntity) -> Bool { spans(g).contains { $0.0 < p.end && p.start < $0.1 } }
                for g in required {
                    if let p = preds.first(where: { strict($0, g) }) {
                        score.strictHits += 1
                        if let gv = g.value {
                            score.valueChecked += 1
                            if Self.sameValue(p.value, gv) { score.valueRight += 1 }
                            else { errors.append(ErrorCase(kind: "wrong-value", document: doc.id, type: type, text: p.text, start: p.start, end: p.end, detail: "got \(p.value?.description ?? "null"), gold \(gv) (rule \(p.rule))", context: context(p.start, p.end))) }
                        }
                    } else {
                        let near = preds.first(where: { lenient($0, g) })
                        errors.append(ErrorCase(kind: near == nil ? "miss" : "boundary", document: doc.id, type: type, text: g.text, start: g.start, end: g.end,
                                                detail: near.map { "predicted \"\($0.text)\" (rule \($0.rule))" } ?? (g.value.map { "gold value \($0)" } ?? ""),
                                                context: context(g.start, g.end)))
                    }
                    if preds.contains(where: { lenient($0, g) }) { score.lenientHits += 1 }
                }
                for p in preds {
                    // A prediction on an optional span is neither right nor wrong: it is not counted.
                    if !preds.isEmpty, optional.contains(where: { strict(p, $0) }) && !required.contains(where: { strict(p, $0) }) {
                        score.optionalHits += 1
                        continue
                    }
                    score.predicted += 1
                    if required.contains(where: { strict(p, $0) }) { score.strictPredHits += 1 }
                    if required.contains(where: { lenient(p, $0) }) || optional.contains(where: { lenient(p, $0) }) { score.lenientPredHits += 1 }
                    if negative.contains(where: { lenient(p, $0) }) { score.negativeHits += 1 }
                    if !required.contains(where: { strict(p, $0) }) && !required.contains(where: { lenient(p, $0) }) && !optional.contains(where: { lenient(p, $0) }) {
                        errors.append(ErrorCase(kind: "false-positive", document: doc.id, type: type, text: p.text, start: p.start, end: p.end,
                                                detail: "rule \(p.rule), value \(p.value?.description ?? "null")", context: context(p.start, p.end)))
                    }
                }
                scores[type] = score
            }
        }
        return Report(scores: scores.keys.sorted().map { scores[$0]! }, errors: errors, documents: docs.count)
    }

    /// Gold values come as strings or numbers; compare numerically where both are numbers.
    /// An ISO week written with one digit in the gold ("2000-W7") is the same week as the
    /// two-digit form TIMEX3 requires ("2000-W07").
    static func sameValue(_ predicted: JSONValue?, _ gold: String) -> Bool {
        guard let predicted else { return false }
        switch predicted {
        case .string(let s): return s == gold || s == paddedWeek(gold)
        case .number, .int:
            if let g = Double(gold), let p = predicted.doubleValue { return abs(g - p) < 1e-9 }
            return false
        default: return predicted.description == gold
        }
    }

    /// "2000-W7" → "2000-W07" (and "2000-W7-WE" → "2000-W07-WE"); other values unchanged.
    static func paddedWeek(_ v: String) -> String {
        let u = Array(v.utf8)
        guard u.count >= 7, u[4] == UInt8(ascii: "-"), u[5] == UInt8(ascii: "W"),
              (0x30...0x39).contains(u[6]), u.count == 7 || u[7] == UInt8(ascii: "-") else { return v }
        return String(v.prefix(6)) + "0" + String(v.dropFirst(6))
    }

    /// The table `extract eval` prints.
    public static func table(_ report: Report) -> String {
        func f(_ d: Double) -> String { String(format: "%.3f", d) }
        var lines = ["documents: \(report.documents)",
                     "type      gold  pred  strict P/R/F1          lenient P/R/F1         value acc (n)     neg hits",
        ]
        for s in report.scores {
            let name = s.type.padding(toLength: 8, withPad: " ", startingAt: 0)
            lines.append("\(name) \(String(format: "%5d %5d", s.gold, s.predicted))  \(f(s.strictPrecision)) \(f(s.strictRecall)) \(f(s.strictF1))    \(f(s.lenientPrecision)) \(f(s.lenientRecall)) \(f(s.lenientF1))    \(f(s.valueAccuracy)) (\(s.valueChecked))    \(s.negativeHits)")
        }
        return lines.joined(separator: "\n")
    }
}
