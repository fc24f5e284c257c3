/// Named normalizers for ORG pattern rules (referenced by name from the rule files).
public enum OrganizationNormalizers {
    public static let all: [String: Normalizer] = [
        /// The value a vocabulary list (rule option `"list"`) gives the matched words
        /// ("Transportation" → "Department of Transportation"); the matched text when the list
        /// has no value for them.
        "org.vocabulary-value": { m in
            let folded = m.document.tokens[m.range].map(\.folded).joined(separator: " ")
            if let list = m.rule.option("list"), let value = m.vocabulary.value(list, folded) {
                return Normalization(value: .string(value))
            }
            return Normalization(value: .string(m.matchedText))
        },
    ]
}
