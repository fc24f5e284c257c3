/// Named normalizers for Organization rules (referenced by name from the rule files).
public enum OrganizationNormalizers {
    public static let all: [String: Normalizer] = [
        /// The matched text as the value ("Transportation" in "Transportation Secretary").
        "org.matched-text": { m in Normalization(value: .string(m.matchedText)) },
    ]
}
