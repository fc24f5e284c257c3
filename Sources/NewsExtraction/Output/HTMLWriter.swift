/// Writes one self-contained HTML page (inline CSS and a few lines of inline script, no
/// network fetch) that shows documents with their entities highlighted by type — value
/// and rule on hover — under a summary table per type. Documents are collapsed
/// (`<details>`) so that a page of 1,000 documents stays usable. Each entity is exactly
/// one `<mark class="ent …">` element; nothing else on the page is a `<mark>`.
///
///     var page = HTMLWriter(title: "extract")
///     page.add(id: "doc-1", text: text, entities: entities)
///     let html = page.page()
///
/// `diffPage` renders an `EntityDiff.Result` the same way, marking added, removed and
/// changed entities.
public struct HTMLWriter {
    public var title: String
    /// Rendered documents: the `<summary>` line and the body.
    var documents: [(summary: String, body: String)] = []
    var entitiesPerType: [EntityType: Int] = [:]
    var documentsPerType: [EntityType: Int] = [:]
    var entitiesPerRule: [String: (type: EntityType, count: Int)] = [:]
    var errors = 0

    public init(title: String = "extract") { self.title = title }

    /// Adds one document (entity offsets are Unicode scalar offsets into `text`). A
    /// document that failed has no text and an error message.
    public mutating func add(id: String, text: String?, entities: [Entity], dct: String? = nil, error: String? = nil) {
        var perType: [EntityType: Int] = [:]
        for e in entities {
            perType[e.type, default: 0] += 1
            entitiesPerType[e.type, default: 0] += 1
            entitiesPerRule[e.rule, default: (e.type, 0)].count += 1
        }
        for t in perType.keys { documentsPerType[t, default: 0] += 1 }
        var summary = "<span class=\"docid\">\(Self.escape(id))</span>"
        if let dct { summary += " <span class=\"dct\">DCT \(Self.escape(dct))</span>" }
        for t in perType.keys.sorted() { summary += " <span class=\"badge \(Self.typeClass(t))\">\(Self.escape(t.rawValue)) \(perType[t]!)</span>" }
        if let text { summary += " <span class=\"snippet\">\(Self.escape(Self.snippet(text)))</span>" }
        var body = ""
        if let error {
            errors += 1
            summary += " <span class=\"error-badge\">error</span>"
            body = "<p class=\"error\">\(Self.escape(error))</p>"
        } else {
            let spans = entities.map { e in
                Span(start: e.start, end: e.end, classes: "ent \(Self.typeClass(e.type))", label: e.type.rawValue, title: Self.hover(e))
            }
            body = "<div class=\"text\">\(Self.highlight(text ?? "", spans))</div>"
        }
        documents.append((summary, body))
    }

    /// The whole page. With a single document it is shown open.
    public func page() -> String {
        let types = entitiesPerType.keys.sorted()
        var out = Self.head(title: title, types: types)
        let total = entitiesPerType.values.reduce(0, +)
        out += "<h1>\(Self.escape(title))</h1>\n<p class=\"meta\">\(documents.count) document\(documents.count == 1 ? "" : "s"), "
        out += "\(total) entit\(total == 1 ? "y" : "ies")\(errors > 0 ? ", \(errors) with errors" : ""). "
        out += "Hover over a highlight to see its value and rule; untick a type to hide its highlights.</p>\n"
        out += "<table class=\"summary\">\n<thead><tr><th>show</th><th>type</th><th>entities</th><th>documents</th><th>rules</th></tr></thead>\n<tbody>\n"
        for t in types {
            let rules = entitiesPerRule.filter { $0.value.type == t }.count
            out += "<tr><td><label><input type=\"checkbox\" checked data-type=\"\(Self.typeClass(t))\"></label></td>"
            out += "<td><span class=\"badge \(Self.typeClass(t))\">\(Self.escape(t.rawValue))</span></td>"
            out += "<td class=\"n\">\(entitiesPerType[t]!)</td><td class=\"n\">\(documentsPerType[t] ?? 0)</td><td class=\"n\">\(rules)</td></tr>\n"
        }
        out += "<tr class=\"total\"><td></td><td>all</td><td class=\"n\">\(total)</td><td class=\"n\">\(documents.count)</td><td class=\"n\">\(entitiesPerRule.count)</td></tr>\n"
        out += "</tbody></table>\n"
        if !entitiesPerRule.isEmpty {
            out += "<details class=\"rules\"><summary>Entities per rule</summary>\n<table class=\"summary\"><thead><tr><th>rule</th><th>type</th><th>entities</th></tr></thead><tbody>\n"
            for (rule, v) in entitiesPerRule.sorted(by: { ($1.value.count, $0.key) < ($0.value.count, $1.key) }) {
                out += "<tr><td><code>\(Self.escape(rule))</code></td><td><span class=\"badge \(Self.typeClass(v.type))\">\(Self.escape(v.type.rawValue))</span></td><td class=\"n\">\(v.count)</td></tr>\n"
            }
            out += "</tbody></table></details>\n"
        }
        out += Self.controls
        out += "<main>\n"
        let open = documents.count == 1 ? " open" : ""
        for d in documents {
            out += "<details class=\"doc\"\(open)><summary>\(d.summary)</summary>\n\(d.body)\n</details>\n"
        }
        out += "</main>\n" + Self.script + "</body>\n</html>\n"
        return out
    }

    // MARK: - Diff page

    /// A page for an entity diff: per-type counts, then each document with differences,
    /// its (new) text with entities marked as unchanged, added, changed or removed, and a
    /// table of its changes.
    public static func diffPage(_ result: EntityDiff.Result, oldName: String, newName: String) -> String {
        var out = head(title: "extract diff", types: result.totals.map(\.type))
        let differing = result.documents.filter(\.hasDifferences)
        out += "<h1>extract diff</h1>\n<p class=\"meta\">OLD <code>\(escape(oldName))</code> → NEW <code>\(escape(newName))</code>: "
        out += "\(result.documents.count) documents, \(differing.count) with differences.</p>\n"
        out += "<p class=\"legend\"><span class=\"sample same\">unchanged</span> <span class=\"sample added\">added</span> "
        out += "<span class=\"sample changed\">changed</span> <span class=\"sample removed\">removed</span></p>\n"
        out += "<table class=\"summary\">\n<thead><tr><th>type</th><th>added</th><th>removed</th><th>changed</th><th>unchanged</th></tr></thead>\n<tbody>\n"
        func row(_ name: String, _ cls: String, _ c: EntityDiff.Counts) -> String {
            "<tr><td><span class=\"badge \(cls)\">\(escape(name))</span></td><td class=\"n\">\(c.added)</td><td class=\"n\">\(c.removed)</td><td class=\"n\">\(c.changed)</td><td class=\"n\">\(c.unchanged)</td></tr>\n"
        }
        for (t, c) in result.totals { out += row(t.rawValue, typeClass(t), c) }
        out += row("all", "", result.overall).replacingOccurrences(of: "<tr>", with: "<tr class=\"total\">")
        out += "</tbody></table>\n"
        out += controls
        out += "<main>\n"
        if differing.isEmpty { out += "<p class=\"meta\">No differences.</p>\n" }
        let open = differing.count <= 3 ? " open" : ""
        for d in differing {
            var summary = "<span class=\"docid\">\(escape(d.key))</span>"
            if d.onlyInOld { summary += " <span class=\"error-badge\">only in OLD</span>" }
            if d.onlyInNew { summary += " <span class=\"error-badge\">only in NEW</span>" }
            let counts = Dictionary(grouping: d.changes, by: \.kind).mapValues(\.count)
            for k in [EntityDiff.ChangeKind.added, .removed, .changed] where counts[k] != nil {
                summary += " <span class=\"count \(k.rawValue)\">\(k == .added ? "+" : k == .removed ? "−" : "~")\(counts[k]!) \(k.rawValue)</span>"
            }
            out += "<details class=\"doc\"\(open)><summary>\(summary)</summary>\n"
            if d.textChanged { out += "<p class=\"error\">The text differs between OLD and NEW: the NEW text is shown and removed entities are only listed.</p>\n" }
            if let text = d.text {
                var spans: [Span] = []
                var changedByNew: [Int: EntityDiff.Change] = [:]
                for c in d.changes where c.kind == .changed { changedByNew[c.new!.start] = c }
                let added = Set(d.changes.filter { $0.kind == .added }.map { $0.new!.start })
                for e in d.newEntities {
                    var status = "same"
                    var title = hover(e)
                    if let c = changedByNew[e.start], c.new! == e {
                        status = "changed"
                        title = "changed (\(c.aspects.joined(separator: ", ")))\nNEW: \(title)\nOLD: \(hover(c.old!)) \"\(c.old!.text)\""
                    } else if added.contains(e.start), d.changes.contains(where: { $0.kind == .added && $0.new! == e }) {
                        status = "added"
                        title = "added\n" + title
                    }
                    spans.append(Span(start: e.start, end: e.end, classes: "ent \(typeClass(e.type)) \(status)", label: e.type.rawValue, title: title))
                }
                if !d.textChanged {
                    for c in d.changes where c.kind == .removed {
                        let o = c.old!
                        if spans.contains(where: { $0.start < o.end && o.start < $0.end }) { continue }
                        spans.append(Span(start: o.start, end: o.end, classes: "ent \(typeClass(o.type)) removed", label: o.type.rawValue, title: "removed\n" + hover(o)))
                    }
                }
                out += "<div class=\"text\">\(highlight(text, spans))</div>\n"
            }
            out += "<table class=\"changes\"><thead><tr><th></th><th>type</th><th>OLD</th><th>NEW</th><th>what changed</th></tr></thead><tbody>\n"
            func cell(_ e: Entity?) -> String {
                guard let e else { return "<td></td>" }
                return "<td><q>\(escape(e.text))</q> <span class=\"off\">[\(e.start),\(e.end))</span><br><code>\(escape((e.value ?? .null).description))</code><br><span class=\"rule\">\(escape(e.rule))</span></td>"
            }
            for c in d.changes {
                out += "<tr class=\"\(c.kind.rawValue)\"><td>\(c.kind.rawValue)</td><td>\(escape(c.type.rawValue))</td>\(cell(c.old))\(cell(c.new))<td>\(escape(c.aspects.joined(separator: ", ")))</td></tr>\n"
            }
            out += "</tbody></table>\n</details>\n"
        }
        out += "</main>\n" + script + "</body>\n</html>\n"
        return out
    }

    // MARK: - Pieces

    /// A highlighted stretch of text (Unicode scalar offsets).
    struct Span {
        var start: Int
        var end: Int
        var classes: String
        var label: String
        var title: String
    }

    /// The text, HTML-escaped, with each span wrapped in one `<mark>`. Spans that overlap
    /// an earlier one or fall outside the text are left out.
    static func highlight(_ text: String, _ spans: [Span]) -> String {
        let scalars = Array(text.unicodeScalars)
        var out = ""
        out.reserveCapacity(text.utf8.count + spans.count * 120)
        var pos = 0
        func append(_ range: Range<Int>) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[range])
            out += escape(String(view))
        }
        for s in spans.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            guard s.start >= pos, s.end > s.start, s.end <= scalars.count else { continue }
            append(pos..<s.start)
            out += "<mark class=\"\(escape(s.classes))\" data-t=\"\(escape(s.label))\" title=\"\(escape(s.title))\">"
            append(s.start..<s.end)
            out += "</mark>"
            pos = s.end
        }
        append(pos..<scalars.count)
        return out
    }

    /// The start of a text on one line, for a collapsed document's summary.
    static func snippet(_ text: String, length: Int = 60) -> String {
        var out = ""
        var count = 0
        var lastWasSpace = true
        for c in text.unicodeScalars {
            if count >= length { return out + "…" }
            if c.properties.isWhitespace {
                if !lastWasSpace { out += " "; count += 1 }
                lastWasSpace = true
            } else {
                out.unicodeScalars.append(c)
                count += 1
                lastWasSpace = false
            }
        }
        return out
    }

    /// The hover text of an entity: type, value, rule and extra fields.
    static func hover(_ e: Entity) -> String {
        var s = "\(e.type.rawValue) = \((e.value ?? .null).description)\nrule: \(e.rule)"
        for k in e.fields.keys.sorted() { s += "\n\(k): \(e.fields[k]!.description)" }
        return s
    }

    /// Escapes text for markup (see `MarkupEscaper`).
    public static func escape(_ s: String) -> String { MarkupEscaper.escape(s) }

    /// A CSS class for a type: `t-` and the type name reduced to letters, digits, `-`, `_`.
    static func typeClass(_ t: EntityType) -> String {
        "t-" + String(t.rawValue.unicodeScalars.filter { ($0.properties.isAlphabetic && $0.isASCII) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" }
            .map(Character.init))
    }

    /// Colours of the known types (background, border); others are grey.
    static let colours: [String: (String, String)] = [
        "ORG": ("#cfe3ff", "#3b7ddd"), "PERCENT": ("#d2f5d0", "#3a9d35"), "RANK": ("#ffe2c2", "#d9822b"),
        "DATE": ("#ead9ff", "#8250df"), "TIME": ("#ffd6e8", "#c93c83"), "DURATION": ("#c9f1ee", "#1f9e94"),
        "SET": ("#fff1b8", "#b08800"),
    ]

    static func head(title: String, types: [EntityType]) -> String {
        var css = """
        body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:1.5em auto;max-width:60em;padding:0 1em;color:#1f2328;background:#fff}
        h1{font-size:1.4em;margin:.2em 0}
        .meta,.legend{color:#59636e}
        code{font:13px/1.4 ui-monospace,"DejaVu Sans Mono",monospace}
        table.summary{border-collapse:collapse;margin:.6em 0 1em}
        table.summary th,table.summary td{border-bottom:1px solid #d1d9e0;padding:.2em .8em;text-align:left}
        table.summary td.n{text-align:right;font-variant-numeric:tabular-nums}
        tr.total td{font-weight:600;border-top:2px solid #59636e}
        .badge{display:inline-block;border-radius:.3em;padding:0 .4em;font-size:.85em;border:1px solid #8c959f;background:#eaeef2}
        .controls{margin:.5em 0}
        .controls button{font:inherit;font-size:.85em;margin-right:.4em}
        details.doc{border:1px solid #d1d9e0;border-radius:.4em;margin:.4em 0;padding:.3em .8em}
        details.doc>summary{cursor:pointer}
        details.rules{margin-bottom:1em}
        .docid{font-weight:600;word-break:break-all}
        .dct,.snippet{color:#59636e;font-size:.85em}
        .snippet{margin-left:.4em}
        details[open]>summary .snippet{display:none}
        .text{white-space:pre-wrap;overflow-wrap:anywhere;margin:.6em 0;line-height:1.9}
        mark.ent{border-radius:.25em;padding:.05em .15em;border-bottom:2px solid #8c959f;background:#eaeef2;color:inherit;cursor:help}
        mark.ent::after{content:attr(data-t);font-size:.6em;font-weight:600;vertical-align:super;margin-left:.2em;opacity:.75}
        .error,.error-badge{color:#b91c1c}
        .error-badge{font-size:.85em;border:1px solid #b91c1c;border-radius:.3em;padding:0 .3em}
        mark.ent.added{outline:2px solid #1a7f37;outline-offset:1px}
        mark.ent.changed{outline:2px dashed #bf8700;outline-offset:1px}
        mark.ent.removed{text-decoration:line-through;text-decoration-color:#cf222e;text-decoration-thickness:2px;background:#ffebe9;border-bottom-color:#cf222e}
        mark.ent.same{opacity:.8}
        .sample{padding:0 .4em;border-radius:.25em;background:#eaeef2;margin-right:.6em}
        .sample.added{outline:2px solid #1a7f37}.sample.changed{outline:2px dashed #bf8700}.sample.removed{text-decoration:line-through;background:#ffebe9}
        .count{font-size:.85em;margin-left:.4em}.count.added{color:#1a7f37}.count.removed{color:#cf222e}.count.changed{color:#9a6700}
        table.changes{border-collapse:collapse;font-size:.9em;margin:.4em 0}
        table.changes th,table.changes td{border:1px solid #d1d9e0;padding:.2em .5em;vertical-align:top;text-align:left}
        tr.added td:first-child{color:#1a7f37}tr.removed td:first-child{color:#cf222e}tr.changed td:first-child{color:#9a6700}
        .off,.rule{color:#59636e;font-size:.85em}
        main.hide-all mark.ent{background:none;border-bottom-color:transparent}
        """
        for t in Set(types + EntityType.all).sorted() {
            let (bg, border) = colours[t.rawValue] ?? ("#eaeef2", "#8c959f")
            let cls = typeClass(t)
            css += "\nmark.ent.\(cls),.badge.\(cls){background:\(bg);border-color:\(border)}"
            css += "\nmark.ent.\(cls){border-bottom-color:\(border)}"
            css += "\nmain.hide-\(cls) mark.ent.\(cls){background:none;border-bottom-color:transparent}"
            css += "\nmain.hide-\(cls) mark.ent.\(cls)::after{content:none}"
        }
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(escape(title))</title>
        <style>
        \(css)
        </style>
        </head>
        <body>

        """
    }

    static let controls = """
    <div class="controls"><button type="button" data-action="open">Expand all</button><button type="button" data-action="close">Collapse all</button></div>

    """

    /// Expand/collapse all, and the per-type show/hide checkboxes. The page works without it.
    static let script = """
    <script>
    (function(){
      var main=document.querySelector("main");
      document.querySelectorAll(".controls button").forEach(function(b){
        b.addEventListener("click",function(){
          var open=b.getAttribute("data-action")==="open";
          document.querySelectorAll("details.doc").forEach(function(d){d.open=open;});
        });
      });
      document.querySelectorAll("input[data-type]").forEach(function(box){
        box.addEventListener("change",function(){main.classList.toggle("hide-"+box.getAttribute("data-type"),!box.checked);});
      });
    })();
    </script>

    """
}
