/// Named normalizers for Percent rules (referenced by name from the rule files).
public enum PercentNormalizers {
    public static let all: [String: Normalizer] = [:]
}
