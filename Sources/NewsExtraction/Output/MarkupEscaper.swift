/// Escapes text for HTML and XML element content and quoted attributes: `& < > " '`
/// become entities, and characters XML 1.0 forbids (C0 controls other than tab,
/// newline and carriage return; U+FFFE, U+FFFF) are dropped.
public enum MarkupEscaper {
    public static func escape(_ s: String) -> String {
        var plain = true
        for b in s.utf8 where b < 0x20 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || b == 0xEF {
            plain = false
            break
        }
        if plain { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(c)
            default:
                if c.value < 0x20 || c.value == 0xFFFE || c.value == 0xFFFF { continue }
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
