import CICU

/// Reads the numeric value of a number phrase made of tokens: digits ("9.5", "2,000"),
/// mixed fractions ("8 1/2"), a sign ("-3"), number words combined into compounds
/// ("twenty-five", "sixty five", "one hundred and five", "nine and a half", "one point
/// three") and
/// fraction words ("half", "a quarter", "three quarters", list `percent_fraction_word`).
/// Single words come from the `number_word` list (the token's `number`); what the table cannot combine goes to
/// ICU's English spell-out parser as a fallback. Cheap: one pass over the tokens.
public enum NumberPhraseParser {
    /// The list of fraction words ("half" 0.5, "quarter" 0.25…).
    static let fractionList = "percent_fraction_word"

    /// The value of `tokens` (a contiguous token range of `document`), or nil when the
    /// tokens do not form one number.
    public static func value(_ range: Range<Int>, in document: SegmentedDocument) -> Double? {
        let tokens = document.tokens[range]
        guard !tokens.isEmpty else { return nil }
        let folded = tokens.map(\.folded)
        // Sign.
        var sign = 1.0
        var start = tokens.startIndex
        if folded[0] == "-" || folded[0] == "minus" || folded[0] == "+" || folded[0] == "plus" {
            if folded[0] == "-" || folded[0] == "minus" { sign = -1 }
            start += 1
        }
        let body = tokens[start...]
        guard let first = body.first else { return nil }
        if first.has(.digit) {
            return digits(body).map { $0 * sign }
        }
        if let v = words(body, document: document) { return v * sign }
        return nil
    }

    /// "9.5", "8 1/2", "1/2", "3 3/4".
    static func digits(_ tokens: ArraySlice<Token>) -> Double? {
        let t = Array(tokens)
        switch t.count {
        case 1:
            return t[0].number
        case 3 where t[1].folded == "/":
            guard let n = t[0].number, let d = t[2].number, d != 0 else { return nil }
            return n / d
        case 4 where t[2].folded == "/":
            guard let w = t[0].number, let n = t[1].number, let d = t[3].number, d != 0, n < d else { return nil }
            return w + n / d
        default:
            return nil
        }
    }

    /// Number words: "twenty-five", "one hundred and five", "nine and a half", "a quarter",
    /// "three quarters". Falls back to ICU spell-out parsing when the words do not
    /// combine by the table.
    static func words(_ tokens: ArraySlice<Token>, document: SegmentedDocument) -> Double? {
        var total = 0.0      // completed groups (thousands, millions…)
        var current = 0.0    // the group being built (below a thousand)
        var fraction = 0.0
        var sawNumber = false
        var lastWasUnitWord = false   // last number word was 1–9 (so "five twenty" is ill-formed)
        var lastWasTens = false
        var wellFormed = true
        var pendingA = false
        var decimalScale = 0.0     // after "point": the place value of the next digit word
        var i = tokens.startIndex
        while i < tokens.endIndex {
            let t = tokens[i]
            let w = t.folded
            defer { i += 1 }
            if w == "-" || w == "and" { continue }
            if w == "point" && sawNumber && decimalScale == 0 { decimalScale = 0.1; continue }
            if decimalScale > 0 {
                // "one point three": single digit words after "point" are decimals.
                guard let d = t.number, t.has(.alpha), d < 10, d == d.rounded() else { wellFormed = false; break }
                current += d * decimalScale
                decimalScale /= 10
                continue
            }
            if w == "a" || w == "an" { pendingA = true; continue }
            if let f = document.vocabulary.value(fractionList, w).flatMap(Double.init) {
                // "a half", "and a half" → add; "three quarters" → multiply the count.
                if pendingA || !sawNumber || (i > tokens.startIndex && tokens[i - 1].folded == "a") {
                    fraction += f
                } else {
                    let count = current
                    current = 0
                    fraction += count * f
                }
                sawNumber = true
                pendingA = false
                continue
            }
            guard let v = t.number, t.has(.alpha) else { wellFormed = false; break }
            // A scale word needs a count before it: "billion" alone is the tail of "$14.5 billion".
            if v >= 100 && !sawNumber && !pendingA { return nil }
            pendingA = false
            if fraction > 0 { wellFormed = false; break }
            if v == 100 {
                current = max(current, 1) * 100
                lastWasUnitWord = false; lastWasTens = false
            } else if v >= 1000 {
                total += max(current, 1) * v
                current = 0
                lastWasUnitWord = false; lastWasTens = false
            } else if v < 10 {
                if lastWasUnitWord { wellFormed = false; break }
                current += v
                lastWasUnitWord = true; lastWasTens = false
            } else if v < 20 || v == 12 {
                if lastWasUnitWord || lastWasTens { wellFormed = false; break }
                current += v
                lastWasUnitWord = true; lastWasTens = false
            } else {
                // tens: twenty…ninety
                if lastWasUnitWord || lastWasTens { wellFormed = false; break }
                current += v
                lastWasTens = true; lastWasUnitWord = false
            }
            sawNumber = true
        }
        if wellFormed && sawNumber { return total + current + fraction }
        return spellout(tokens, document: document)
    }

    /// ICU's spell-out parse of the phrase's text, with hyphens kept and other
    /// separators made single spaces.
    static func spellout(_ tokens: ArraySlice<Token>, document: SegmentedDocument) -> Double? {
        var text = ""
        for t in tokens {
            if t.folded == "-" { text += "-"; continue }
            if !text.isEmpty && !text.hasSuffix("-") { text += " " }
            text += t.folded
        }
        return spellout(text)
    }

    /// ICU's spell-out parse of a text ("twenty-one" → 21), nil when it does not parse whole.
    public static func spellout(_ text: String) -> Double? {
        let units = Array(text.utf16)
        var value = 0.0
        let ok = units.withUnsafeBufferPointer { buf in
            cicu_spellout_parse(buf.baseAddress, Int32(buf.count), &value)
        }
        return ok == 1 ? value : nil
    }
}
