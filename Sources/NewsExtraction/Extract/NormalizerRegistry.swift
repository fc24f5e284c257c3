/// All named normalizers and matchers that rule files may reference. Each entity type
/// contributes its own table; an unknown name in a rule file is a load error.
public enum NormalizerRegistry {
    public static let normalizers: [String: Normalizer] = {
        var all: [String: Normalizer] = [:]
        for table in [CommonNormalizers.all, DateNormalizers.all, PercentNormalizers.all,
                      RankNormalizers.all, OrganizationNormalizers.all] {
            all.merge(table) { a, _ in a }
        }
        return all
    }()

    public static let matchers: [String: Matcher] = {
        var all: [String: Matcher] = [:]
        for table in [OrganizationMatchers.all, DateMatchers.all] {
            all.merge(table) { a, _ in a }
        }
        return all
    }()
}

/// Normalizers shared by all types.
public enum CommonNormalizers {
    public static let all: [String: Normalizer] = [
        /// The value is the matched text.
        "text": { m in Normalization(value: .string(m.matchedText)) },
        /// No value.
        "none": { _ in Normalization() },
    ]
}
